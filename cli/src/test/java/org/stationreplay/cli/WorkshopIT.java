package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stationreplay.workshop.Lab;
import org.stationreplay.workshop.Labs;

/**
 * Both sides of every lab, through what learners run: the packaged {@code station.jar} in its own JVM (so a library
 * a check needs and the jar lacks fails here, not in a classroom). Untouched, every exercise compiles and fails its
 * check with a message saying what to do, so no check passes by accident; with the reference solution every check
 * passes.
 */
class WorkshopIT {
  private static final Path WORKSHOP = Path.of("..", "workshop").toAbsolutePath().normalize();

  @Test
  void shouldFailEveryUntouchedExerciseWithAMessageAndPassEverySolution() throws Exception {
    Run exercises = station("exercises", "workshop", "--workshop-dir", WORKSHOP.toString(), "check");
    Run solutions = station("solutions", "workshop", "--workshop-dir", WORKSHOP.toString(), "check", "--solution");

    assertThat(exercises.exit()).as("untouched exercises:%n%s", exercises.out()).isEqualTo(1);
    assertThat(solutions.exit()).as("solutions:%n%s", solutions.out()).isZero();
    Map<String, String> exerciseReports = byLab(exercises.out());
    Map<String, String> solutionReports = byLab(solutions.out());
    for (Lab lab : Labs.ALL) {
      String exercise = exerciseReports.get(lab.id());
      assertThat(exercise).as("lab %s untouched", lab.id()).isNotNull()
          .doesNotContain("does not compile").contains("[FAIL]").contains("Not yet.");
      assertThat(exercise.lines().filter(l -> l.startsWith("         ")).map(String::strip))
          .as("lab %s: what to do, under each failed step", lab.id()).isNotEmpty().allMatch(l -> !l.isBlank());
      assertThat(solutionReports.get(lab.id())).as("lab %s solved", lab.id()).isNotNull()
          .doesNotContain("[FAIL]").contains("[pass]").contains("Passed.");
    }
    assertThat(exercises.out()).as("nothing but the verdicts: no log noise, no stack trace")
        .doesNotContain("Exception in thread").doesNotContain("\tat org.");
  }

  private record Run(int exit, String out) {}

  private static Run station(String name, String... args) throws IOException, InterruptedException {
    Path log = Path.of("target", "it-logs", "workshop-" + name + ".log");
    Files.deleteIfExists(log);
    Process p = StationProcess.start(log, args);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Each lab's report: from its "Lab NN: title" line to the next lab's. */
  private static Map<String, String> byLab(String out) {
    Map<String, String> reports = new LinkedHashMap<>();
    String current = null;
    StringBuilder b = new StringBuilder();
    for (String line : out.split("\n")) {
      if (line.matches("Lab \\d\\d: .*") && !line.contains("starting a Kafka broker")) {
        if (current != null) {
          reports.put(current, b.toString());
        }
        current = line.substring(4, 6);
        b.setLength(0);
      }
      b.append(line).append('\n');
    }
    if (current != null) {
      reports.put(current, b.toString());
    }
    return reports;
  }
}
