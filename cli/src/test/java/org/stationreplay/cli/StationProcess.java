package org.stationreplay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the packaged {@code station.jar} in its own JVM, as a user would, with its output in a log file. */
final class StationProcess {
  private StationProcess() {}

  static Process start(Path log, String... args) throws IOException {
    Path jar = Path.of("target", "station.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("target/station.jar is missing: integration tests run after package");
    }
    // Short-lived JVMs that tests kill and restart: the client compiler and the serial collector start in 6 s
    // instead of 15 s on two busy cores.
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-jar", jar.toString()));
    command.addAll(List.of(args));
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  /** SIGKILL: no shutdown hook, no flush, no goodbye. */
  static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    p.waitFor();
  }
}
