package org.stationreplay.workshop;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the {@code workshop/} folder of the checkout: the labs' sources are read from there, not from the jar. */
public final class WorkshopDir {
  private WorkshopDir() {}

  /** From the working directory up, then from the jar's place ({@code <root>/cli/target/station.jar}). */
  public static Optional<Path> find() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (isWorkshop(dir.resolve("workshop"))) {
        return Optional.of(dir.resolve("workshop"));
      }
      if (isWorkshop(dir)) {
        return Optional.of(dir);
      }
    }
    try {
      Path jar = Path.of(WorkshopDir.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
        if (isWorkshop(dir.resolve("workshop"))) {
          return Optional.of(dir.resolve("workshop"));
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // No code source to start from: only the working directory counts.
    }
    return Optional.empty();
  }

  public static boolean isWorkshop(Path dir) {
    return Files.isDirectory(dir.resolve("labs")) && Files.isDirectory(dir.resolve("solutions"));
  }
}
