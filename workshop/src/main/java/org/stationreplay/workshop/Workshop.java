package org.stationreplay.workshop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The learner's side of the workshop, behind {@code ./station workshop}: check a lab (and remember the result),
 * show or apply its solution, put its exercise back as it was.
 */
public final class Workshop {
  private final Path dir;

  public Workshop(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** A lab's last check: passed or not, and when; empty if it was never checked here. */
  public record Status(boolean passed, Instant when) {}

  public Optional<Status> status(Lab lab) {
    Properties p = statuses();
    String v = p.getProperty(lab.id());
    if (v == null) {
      return Optional.empty();
    }
    String[] parts = v.split(" ", 2);
    return Optional.of(new Status("passed".equals(parts[0]), Instant.parse(parts[1])));
  }

  /** Checks the learner's code of {@code lab} and remembers the result for {@code list}. */
  /**
   * Runs a lab's check against its reference solution, leaving the learner's status alone: an instructor's
   * pre-flight ("does every lab pass on this machine?") and the build's proof that no check is impossible.
   */
  public LabResult checkSolution(Lab lab) {
    return LabRunner.check(dir, lab, LabRunner.Code.SOLUTION);
  }

  public LabResult check(Lab lab) {
    LabResult result = LabRunner.check(dir, lab, LabRunner.Code.EXERCISE);
    Properties p = statuses();
    p.setProperty(lab.id(), (result.passed() ? "passed " : "failed ") + Instant.now());
    Path file = statusFile();
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(file)) {
        p.store(out, "./station workshop check: the last result of each lab");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  /** The solution's files, each with its content. */
  public String solution(Lab lab) {
    StringBuilder b = new StringBuilder();
    for (Path p : lab.solutionFiles(dir)) {
      b.append("// ---- ").append(dir.relativize(p)).append(" (replaces ")
          .append(dir.relativize(lab.exerciseDir(dir).resolve(p.getFileName()))).append(")\n");
      b.append(read(p)).append('\n');
    }
    return b.toString();
  }

  /** What a change to the learner's files did: the files it wrote, and where the learner's own copies were put. */
  public record Change(List<Path> files, Path backup) {}

  /**
   * Copies the solution over the exercise. The learner's files are copied first to a new folder under
   * {@code target/lab-backup}, so nothing a learner wrote is ever lost, however often they apply or reset.
   */
  public Change applySolution(Lab lab) {
    try {
      Path backup = backup(lab);
      List<Path> replaced = new ArrayList<>();
      Files.createDirectories(lab.exerciseDir(dir));
      for (Path solution : lab.solutionFiles(dir)) {
        Path exercise = lab.exerciseDir(dir).resolve(solution.getFileName());
        Files.copy(solution, exercise, StandardCopyOption.REPLACE_EXISTING);
        replaced.add(exercise);
      }
      return new Change(replaced, backup);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Puts the lab's exercise back as the checkout has it ({@code git checkout HEAD -- <exercise folder>}), after
   * copying the learner's files to a new folder under {@code target/lab-backup}.
   *
   * @throws IllegalStateException with git's own words if git could not do it
   */
  public Change reset(Lab lab) {
    Path exercise = lab.exerciseDir(dir);
    try {
      Path backup = backup(lab);
      Process git = new ProcessBuilder("git", "checkout", "HEAD", "--", dir.relativize(exercise).toString())
          .directory(dir.toFile()).redirectErrorStream(true).start();
      String out;
      try (InputStream in = git.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
        throw new IllegalStateException("git could not restore " + dir.relativize(exercise) + " (" + out
            + "); reset needs a git clone of the project. Your files are still in place (and copied to " + backup
            + ")");
      }
      return new Change(Lab.javaFiles(exercise), backup);
    } catch (IOException e) {
      throw new IllegalStateException("could not run git to restore the exercise (" + e.getMessage() + "); "
          + "copy it back from a fresh clone, or apply the solution with --apply", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Copies the lab's exercise files as they are now to a folder of their own: {@code target/lab-backup/labNN/N}. */
  private Path backup(Lab lab) throws IOException {
    Path labBackups = dir.resolve("target/lab-backup/lab" + lab.id());
    Files.createDirectories(labBackups);
    int n = 1;
    while (Files.exists(labBackups.resolve(Integer.toString(n)))) {
      n++;
    }
    Path backup = Files.createDirectories(labBackups.resolve(Integer.toString(n)));
    for (Path p : Lab.javaFiles(lab.exerciseDir(dir))) {
      Files.copy(p, backup.resolve(p.getFileName()));
    }
    return backup;
  }

  private Path statusFile() {
    return dir.resolve("target/lab-status.properties");
  }

  private Properties statuses() {
    Properties p = new Properties();
    Path file = statusFile();
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return p;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
