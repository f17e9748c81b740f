package org.stationreplay.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both sides of every lab, through the runner the learners use: the untouched exercise compiles and fails its
 * check with a message, so no check passes by accident; the reference solution passes it.
 */
class LabsIT {
  private static final Path WORKSHOP = Path.of("").toAbsolutePath();

  static List<Lab> labs() {
    return Labs.ALL;
  }

  @ParameterizedTest(name = "lab {0}")
  @MethodSource("labs")
  void shouldFailWithTheUntouchedExerciseAndPassWithTheSolution(Lab lab) {
    LabResult exercise = LabRunner.check(WORKSHOP, lab, LabRunner.Code.EXERCISE);
    assertThat(exercise.compileErrors()).as("the untouched exercise compiles").isEmpty();
    assertThat(exercise.passed()).as("the untouched exercise fails its check:%n%s", exercise.report()).isFalse();
    assertThat(exercise.steps()).filteredOn(s -> !s.passed())
        .allSatisfy(s -> assertThat(s.problem()).as("what to do, for %s", s.name()).isNotBlank());

    LabResult solution = LabRunner.check(WORKSHOP, lab, LabRunner.Code.SOLUTION);
    assertThat(solution.passed()).as("the solution passes its check:%n%s", solution.report()).isTrue();
  }
}
