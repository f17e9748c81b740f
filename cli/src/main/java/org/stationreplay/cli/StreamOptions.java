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

  @Option(names = "--advertised-url", paramLabel = "URL",
      description = "How the other instances of the Streams app reach this one's HTTP API (e.g. "
          + "http://streams-1:8080). Set it on every instance when running several: any of them then answers for "
          + "every replay, asking the one that holds it.")
  String advertisedUrl;

  @Option(names = "--standby-replicas", paramLabel = "N", defaultValue = "0",
      description = "Warm copies of each store kept by other instances, for a quick failover (default: "
          + "${DEFAULT-VALUE}; 1 when running two or more).")
  int standbyReplicas;

  @Option(names = "--stream-threads", paramLabel = "N", defaultValue = "0",
      description = "Threads folding the log in this instance (default: one per core, at most one per partition).")
  int streamThreads;

  @Option(names = "--control-token", paramLabel = "TOKEN",
      description = "Token that POST /api/control must carry (Authorization: Bearer TOKEN). Required when "
          + "--http-host is not a loopback address. Prefer the STATION_CONTROL_TOKEN variable: arguments are "
          + "visible to other users of the machine.")
  String controlToken;

  /** Kafka Streams' application.server ({@code host:port}) from {@code --advertised-url}, or null. */
  String applicationServer() {
    if (advertisedUrl == null || advertisedUrl.isBlank()) {
      return null;
    }
    java.net.URI uri;
    try {
      uri = java.net.URI.create(advertisedUrl.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--advertised-url '" + advertisedUrl + "' is not a URL", e);
    }
    if (uri.getHost() == null || !"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException("--advertised-url must look like http://HOST:PORT, was '" + advertisedUrl
          + "'");
    }
    return uri.getHost() + ":" + (uri.getPort() == -1 ? 80 : uri.getPort());
  }

  Path stateDirOr(Path fallback) {
    return stateDir != null ? stateDir : fallback;
  }
}
