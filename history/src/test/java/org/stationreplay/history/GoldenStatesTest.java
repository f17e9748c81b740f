package org.stationreplay.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stationreplay.projections.Fold;
import org.stationreplay.json.Json;

/**
 * The state document (the clock and the six projections behind its fields) at the end of every year, checked in
 * under {@code history/golden/}: same log and same code must give the same state, byte for byte. Projections
 * outside the document have their own golden files ({@link ProjectionGoldenTest}), so adding one changes none of
 * these. A deliberate change to the history or a projection regenerates them with
 * {@code mvn -pl history test -Dgolden.update=true} and the diff shows what changed.
 */
class GoldenStatesTest {
  static Stream<Path> goldenFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("golden"))) {
      List<Path> sorted = files.filter(p -> p.getFileName().toString().matches("state-\\d{4}-\\d{2}-\\d{2}\\.json"))
          .sorted().toList();
      assertThat(sorted).hasSize(24);
      return sorted.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void shouldFoldToTheGoldenState(Path golden) throws IOException {
    String date = golden.getFileName().toString().substring(6, 16);
    String folded = Json.writePretty(Fold.stateAt(HistoryReader.bundled().events(),
        Instant.parse(date + "T23:59:59.999Z")));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, folded.strip() + "\n");
    }
    assertThat(folded.strip()).as("state at the end of %s", date).isEqualTo(Files.readString(golden).strip());
  }
}
