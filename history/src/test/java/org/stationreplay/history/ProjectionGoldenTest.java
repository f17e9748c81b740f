package org.stationreplay.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.Json;
import org.stationreplay.json.SchemaValidator;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Projections;

/**
 * Every registered projection's value at the end of every year of the bundled history, checked in under
 * {@code history/golden/projections/<name>.json} (one file a projection, its year-ends by date), and every value it
 * takes over the whole history valid against its own schema. A new projection needs no code here: run
 * {@code mvn -pl history test -Dgolden.update=true -Dtest=ProjectionGoldenTest} (from the project root, after
 * {@code mvn -q install -DskipTests}) to write its file, and read the diff.
 */
class ProjectionGoldenTest {
  static final Path DIR = Path.of("golden", "projections");
  static final List<StationEvent> HISTORY = HistoryReader.bundled().events();

  static Stream<Projection<?>> projections() {
    return Projections.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projections")
  void shouldFoldToTheGoldenYearEndsAndOnlyToValuesItsSchemaAccepts(Projection<?> projection) throws IOException {
    ProjectionEngine engine = Projections.engine();
    int index = engine.indexOf(projection.name());
    String schema = projection.schemaResource().substring("schemas/".length());
    ObjectNode yearEnds = Json.mapper().createObjectNode();
    int year = 1998;
    Snapshot s = engine.empty();
    for (StationEvent e : HISTORY) {
      for (; e.time().isAfter(yearEnd(year)); year++) {
        yearEnds.set(year + "-12-31", Json.mapper().valueToTree(s.value(index)));
      }
      s = engine.step(s, e);
      JsonNode value = Json.mapper().valueToTree(s.value(index));
      assertThat(SchemaValidator.get().validateAgainst(schema, value)).as("%s after %s: %s", projection.name(),
          e.id(), value).isEmpty();
    }
    for (; year <= 2021; year++) {
      yearEnds.set(year + "-12-31", Json.mapper().valueToTree(s.value(index)));
    }
    String folded = Json.writePretty(yearEnds).strip() + "\n";
    Path golden = DIR.resolve(projection.name() + ".json");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(golden, folded);
    }
    assertThat(golden).as("golden file of projection '%s' (write it with -Dgolden.update=true)", projection.name())
        .exists();
    assertThat(folded).as("%s at every year-end", projection.name()).isEqualTo(Files.readString(golden));
  }

  private static Instant yearEnd(int year) {
    return Instant.parse(year + "-12-31T23:59:59.999Z");
  }
}
