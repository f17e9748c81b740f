package org.stationreplay.workshop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A workshop folder of a test's own, holding copies of some of the real one's folders. */
final class LabCopies {
  static final Path WORKSHOP = Path.of("").toAbsolutePath();

  private LabCopies() {}

  /** Copies the Java files of {@code dirs} (folders of the real workshop) to the same places under {@code to}. */
  static Path copy(Path to, Path... dirs) throws IOException {
    for (Path dir : dirs) {
      Path target = Files.createDirectories(to.resolve(WORKSHOP.relativize(dir)));
      for (Path f : Lab.javaFiles(dir)) {
        Files.copy(f, target.resolve(f.getFileName()));
      }
    }
    return to;
  }
}
