package org.stationreplay.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.Json;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Projections;

/** What {@code ./station workshop demo} runs: the learner's lab 2 projection beside the reference solution's. */
class LearnerProjectionsTest {
  private static final Path WORKSHOP = Path.of("").toAbsolutePath();

  @Test
  void shouldRunTheLearnersProjectionBesideTheReferenceAfterEveryRegisteredOne() {
    LearnerProjections.Loaded loaded = LearnerProjections.load(WORKSHOP);

    assertThat(loaded.errors()).isEmpty();
    assertThat(loaded.projections()).extracting(Projection::name)
        .containsExactly("people-by-agency", "people-by-agency-reference");
    assertThat(loaded.projections().get(1).schemaResource()).as("the reference keeps its schema")
        .isEqualTo("schemas/projections/people-by-agency.schema.json");
    ProjectionEngine engine = loaded.engine();
    assertThat(engine.projections()).hasSize(Projections.ALL.size() + 2);

    Snapshot s = engine.empty();
    for (StationEvent e : LabKit.history().events()) {
      s = engine.step(s, e);
    }
    int n = Projections.ALL.size();
    assertThat(Json.write(s.value(n))).as("the untouched exercise never changes its value")
        .isEqualTo("{\"aboard\":{}}");
    assertThat(Json.write(s.value(n + 1))).as("the reference folds the history: NASA and Roscosmos crew at the end")
        .contains("\"NASA\":[\"").contains("\"ROSCOSMOS\":[\"");
  }

  @Test
  void shouldSayWhyWhenTheLearnersCodeDoesNotCompile(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Lab lab = LearnerProjections.LAB;
    Path copy = LabCopies.copy(tmp.resolve("workshop"), lab.exerciseDir(WORKSHOP), lab.solutionDir(WORKSHOP));
    Path exercise = Lab.javaFiles(lab.exerciseDir(copy)).get(0);
    java.nio.file.Files.writeString(exercise, java.nio.file.Files.readString(exercise).replace("return value;",
        "return valu;"));

    LearnerProjections.Loaded loaded = LearnerProjections.load(copy);

    assertThat(loaded.ok()).isFalse();
    assertThat(loaded.errors()).anySatisfy(e -> assertThat(e).contains("PeopleByAgencyProjection.java:")
        .contains("valu"));
  }
}
