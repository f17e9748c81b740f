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
import org.stationreplay.fold.StationFold;
import org.stationreplay.json.Json;

/**
 * The state at the end of every year, checked in under {@code history/golden/}: same log and same code must give
 * the same state, byte for byte. A deliberate change to the history or the fold regenerates them with
 * {@code for y in $(seq 1998 2021); do ./station state --at $y-12-31 > history/golden/state-$y-12-31.json; done}
 * and the diff shows what changed.
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
    String folded = Json.writePretty(StationFold.foldUntil(HistoryReader.bundled().events(),
        Instant.parse(date + "T23:59:59.999Z")));
    assertThat(folded.strip()).as("state at the end of %s", date).isEqualTo(Files.readString(golden).strip());
  }
}
