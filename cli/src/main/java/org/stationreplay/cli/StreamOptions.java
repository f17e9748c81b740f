package org.stationreplay.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.stationreplay.streams.StateHttpServer;
import picocli.CommandLine.Option;

/** How the Streams app and its HTTP API run: shared by {@code stream} and {@code demo}. */
final class StreamOptions {
  @Option(names = "--http-host", defaultValue = StateHttpServer.LOOPBACK,
      description = "Address the HTTP API binds to (default: ${DEFAULT-VALUE}, this machine only).")
  String httpHost;

  @Option(names = "--http-port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--commit-interval", paramLabel = "DURATION", defaultValue = "100ms",
      converter = Converters.DurationConverter.class,
      description = "Kafka Streams commit interval (default: ${DEFAULT-VALUE}).")
  Duration commitInterval;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "Kafka Streams state directory (default: a directory under the system temp dir).")
  Path stateDir;

  Path stateDirOr(Path fallback) {
    return stateDir != null ? stateDir : fallback;
  }
}
