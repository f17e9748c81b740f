package org.stationreplay.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projections.Fold;
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.Json;
import org.stationreplay.state.StationState;

/**
 * The bundled history is written in version 1 of every type and stays so; once a replay writes version 2
 * spacewalks, logs mix versions. A log with half of its spacewalks rewritten as v2 must fold to exactly the same
 * states as the all-v1 file.
 */
class MixedVersionHistoryTest {
  static List<String> bundledLines() {
    try (InputStream in = HistoryReader.class.getClassLoader().getResourceAsStream(HistoryReader.BUNDLED_RESOURCE);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every second spacewalk of the bundled file read and written again through the codec: as version 2. */
  static List<String> halfOfTheSpacewalksAsVersion2(List<String> lines) {
    List<String> mixed = new ArrayList<>();
    int spacewalks = 0;
    for (String line : lines) {
      boolean spacewalk = line.contains("\"type\":\"SpacewalkPerformed\"");
      mixed.add(spacewalk && spacewalks++ % 2 == 1 ? EventCodec.write(EventCodec.read(line)) : line);
    }
    return mixed;
  }

  private static HistoryReader.Report check(String name, List<String> lines) {
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return HistoryReader.check(name, new ByteArrayInputStream(bytes));
  }

  private static int version(String line) {
    try {
      return Json.mapper().readTree(line).get("schemaVersion").asInt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void shouldKeepTheBundledFileInVersion1() {
    List<String> lines = bundledLines().stream().filter(l -> !l.isBlank()).toList();
    assertThat(lines).allSatisfy(l -> assertThat(version(l)).as(l).isEqualTo(1));
    assertThat(lines).filteredOn(l -> l.contains("\"type\":\"SpacewalkPerformed\""))
        .hasSize(245)
        .noneMatch(l -> l.contains("\"duration\":"))
        .filteredOn(l -> l.contains("\"durationMinutes\":")).hasSize(239);
  }

  @Test
  void shouldFoldALogWithHalfItsSpacewalksInVersion2ToTheSameStatesAsTheAllVersion1Log() {
    List<String> v1 = bundledLines();
    List<String> mixed = halfOfTheSpacewalksAsVersion2(v1);
    List<String> rewritten = mixed.stream().filter(l -> !v1.contains(l)).toList();
    assertThat(rewritten).hasSize(122).allSatisfy(l -> {
      assertThat(version(l)).isEqualTo(2);
      assertThat(l).doesNotContain("\"durationMinutes\":");
    });
    assertThat(rewritten).filteredOn(l -> l.contains("\"duration\":\"PT")).hasSizeGreaterThan(115);
    assertThat(mixed.stream().filter(l -> l.contains("\"type\":\"SpacewalkPerformed\"")).filter(l -> version(l) == 1))
        .hasSize(123);

    HistoryReader.Report all1 = check("all-v1.jsonl", v1);
    HistoryReader.Report half2 = check("mixed.jsonl", mixed);
    assertThat(all1.problems()).isEmpty();
    assertThat(half2.problems()).isEmpty();
    assertThat(half2.history().events()).isEqualTo(all1.history().events());
    assertThat(half2.finalState()).isEqualTo(all1.finalState())
        .isEqualTo(Fold.state(HistoryReader.bundled().events()));

    List<StationState> a = Fold.states(all1.history().events());
    List<StationState> b = Fold.states(half2.history().events());
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i)).as("state after event %d", i).isEqualTo(a.get(i));
    }
  }

  @Test
  void shouldReadEverySpacewalkInTheCurrentShapeWhateverVersionItWasWrittenIn() {
    List<StationEvent> events = check("mixed.jsonl", halfOfTheSpacewalksAsVersion2(bundledLines()))
        .history().events();
    assertThat(events).filteredOn(SpacewalkPerformed.class::isInstance).hasSize(245)
        .allSatisfy(e -> assertThat(e.schemaVersion()).isEqualTo(2));
    assertThat(events).filteredOn(e -> e.id().equals("2008-03-17-spacewalk-linnehan-behnken")).singleElement()
        .satisfies(e -> assertThat(((SpacewalkPerformed) e).duration()).hasToString("PT6H53M"));
  }

  @Test
  void shouldReportAnUnknownVersionWithFileAndLine() {
    List<String> lines = new ArrayList<>(bundledLines().subList(0, 12));
    int spacewalk = 0;
    while (!lines.get(spacewalk).contains("\"type\":\"SpacewalkPerformed\"")) {
      spacewalk++;
    }
    String id = lines.get(spacewalk).replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
    lines.set(spacewalk, lines.get(spacewalk).replace("\"schemaVersion\":1", "\"schemaVersion\":3"));
    assertThat(check("future.jsonl", lines).problems()).extracting(Problem::toString).containsExactly(
        "future.jsonl:" + (spacewalk + 1) + ": event '" + id
            + "' does not match its schema: unknown schemaVersion 3 for SpacewalkPerformed");
  }
}
