package org.stationreplay.workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One lab: an exercise the learner edits ({@code src/main/java/org/stationreplay/workshop/labNN}), the check that
 * fails until it is done ({@code src/test/java/.../labNN/LabNNCheck}), a reference solution kept apart
 * ({@code solutions/labNN}) and its README ({@code labs/NN-slug/README.md}).
 *
 * @param number 1, 2, ...
 * @param slug the folder name after the number: {@code read-the-log}
 * @param title one line
 * @param broker whether its check needs a Kafka broker (an embedded one is started for it)
 */
public record Lab(int number, String slug, String title, boolean broker) {
  public String id() {
    return String.format("%02d", number);
  }

  /** {@code 01-read-the-log}: the lab's folder under {@code workshop/labs}. */
  public String folder() {
    return id() + "-" + slug;
  }

  public String packageName() {
    return "org.stationreplay.workshop.lab" + id();
  }

  public String checkClassName() {
    return packageName() + ".Lab" + id() + "Check";
  }

  public Path readme(Path workshop) {
    return workshop.resolve("labs").resolve(folder()).resolve("README.md");
  }

  /** Where the learner's code is. */
  public Path exerciseDir(Path workshop) {
    return workshop.resolve("src/main/java/org/stationreplay/workshop/lab" + id());
  }

  public Path checkDir(Path workshop) {
    return workshop.resolve("src/test/java/org/stationreplay/workshop/lab" + id());
  }

  public Path solutionDir(Path workshop) {
    return workshop.resolve("solutions/lab" + id());
  }

  /** The Java files of a folder, sorted by name. */
  public static List<Path> javaFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The solution's files: each replaces the exercise file of the same name. */
  public List<Path> solutionFiles(Path workshop) {
    return javaFiles(solutionDir(workshop));
  }
}
