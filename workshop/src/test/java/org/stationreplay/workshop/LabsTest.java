package org.stationreplay.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shape of every lab: a README with its sections, an exercise, a check, and a solution for the exercise. */
class LabsTest {
  private static final Path WORKSHOP = Path.of("").toAbsolutePath();

  static List<Lab> labs() {
    return Labs.ALL;
  }

  @ParameterizedTest(name = "lab {0}")
  @MethodSource("labs")
  void shouldHaveAReadmeAnExerciseACheckAndASolution(Lab lab) throws Exception {
    String readme = Files.readString(lab.readme(WORKSHOP));
    assertThat(readme).contains("## Goal", "## Steps", "<details>", "## What you should see",
        "./station workshop check " + lab.number());
    assertThat(Lab.javaFiles(lab.exerciseDir(WORKSHOP))).as("exercise files").isNotEmpty();
    assertThat(lab.checkDir(WORKSHOP).resolve("Lab" + lab.id() + "Check.java")).exists();
    assertThat(lab.solutionFiles(WORKSHOP)).as("solution files").isNotEmpty()
        .allSatisfy(s -> assertThat(lab.exerciseDir(WORKSHOP).resolve(s.getFileName()))
            .as("the exercise file the solution replaces").exists());
  }

  @Test
  void shouldFindLabsByNumberIdOrName() {
    assertThat(Labs.find("1")).contains(Labs.ALL.get(0));
    assertThat(Labs.find("01")).contains(Labs.ALL.get(0));
    assertThat(Labs.find("lab02")).contains(Labs.ALL.get(1));
    assertThat(Labs.find("03-time-travel")).contains(Labs.ALL.get(2));
    assertThat(Labs.find("99")).isEmpty();
  }

  @Test
  void shouldApplyASolutionKeepingTheLearnersFiles(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Lab lab = Labs.ALL.get(0);
    Path copy = LabCopies.copy(tmp.resolve("workshop"), lab.exerciseDir(WORKSHOP), lab.solutionDir(WORKSHOP));
    Path exercise = lab.exerciseDir(copy).resolve(lab.solutionFiles(copy).get(0).getFileName());
    Files.writeString(exercise, "// my attempt\n");

    Workshop.Change first = new Workshop(copy).applySolution(lab);
    Workshop.Change second = new Workshop(copy).applySolution(lab);

    assertThat(first.files()).containsExactly(exercise);
    assertThat(exercise).hasSameTextualContentAs(lab.solutionFiles(copy).get(0));
    assertThat(first.backup().resolve(exercise.getFileName())).hasContent("// my attempt");
    assertThat(second.backup()).isNotEqualTo(first.backup());
    assertThat(first.backup().resolve(exercise.getFileName())).as("a second apply keeps the first backup")
        .hasContent("// my attempt");
  }

  @Test
  void shouldResetAnExerciseFromGitKeepingTheLearnersFiles(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    Lab lab = Labs.ALL.get(0);
    Path copy = LabCopies.copy(tmp.resolve("workshop"), lab.exerciseDir(WORKSHOP));
    Path target = lab.exerciseDir(copy);
    git(copy, "init", "-q");
    git(copy, "add", ".");
    git(copy, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "exercise");
    Path exercise = Lab.javaFiles(target).get(0);
    String original = Files.readString(exercise);
    Files.writeString(exercise, "// my attempt\n");

    Workshop.Change change = new Workshop(copy).reset(lab);

    assertThat(exercise).hasContent(original.strip());
    assertThat(change.backup().resolve(exercise.getFileName())).hasContent("// my attempt");
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    assertThat(p.waitFor()).as("git %s", String.join(" ", args)).isZero();
  }

  @Test
  void shouldKeepOnlyTheChecksOwnWordsForAFailedTrueOrFalse() {
    assertThat(LabRunner.assertionMessage("[it returned 1998-12-07: a visiting crew?] \nExpecting value to be false "
        + "but was true")).isEqualTo("it returned 1998-12-07: a visiting crew?");
    assertThat(LabRunner.assertionMessage("[after X] \nexpected: 1\n but was: 2"))
        .as("values stay").isEqualTo("[after X] \nexpected: 1\n but was: 2");
  }

  @Test
  void shouldTurnACheckMethodIntoWords() {
    assertThat(LabRunner.humanize("SendAPoisonRecordAndFindItsReason")).isEqualTo("send a poison record and find its reason");
    assertThat(LabRunner.humanize("TurnEveryVersion1SpacewalkIntoVersion2"))
        .isEqualTo("turn every version 1 spacewalk into version 2");
    assertThat(LabRunner.humanize("BuildAProjectionTheAppNeverRan")).isEqualTo("build a projection the app never ran");
  }
}
