package org.stationreplay.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running inside this JVM:
 * Kafka's own {@code KafkaRaftServer}, not a fake. Used by {@code ./station demo}, {@code ./station broker} and
 * the integration tests.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final int BIND_ATTEMPTS = 5;

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path dataDir;
  private final boolean deleteOnClose;
  private volatile boolean closed;

  private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean deleteOnClose) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
    this.deleteOnClose = deleteOnClose;
  }

  /** A broker on a free port with a temporary data directory, deleted on close. */
  public static EmbeddedKafkaBroker start() {
    return start(0, null, Map.of());
  }

  /**
   * Starts a broker and waits until it answers.
   *
   * @param port the client port, 0 for any free port
   * @param dataDir where to keep the log; null for a temporary directory that {@link #close()} deletes. An
   *     existing directory keeps its topics across restarts.
   * @param overrides extra broker configs
   */
  public static EmbeddedKafkaBroker start(int port, Path dataDir, Map<String, String> overrides) {
    return start(port, dataDir, overrides, null);
  }

  /**
   * The same, for clients on other machines (one broker for a classroom): listens on every interface and tells
   * clients to connect to {@code advertisedHost}. With null, only this machine can connect.
   */
  public static EmbeddedKafkaBroker start(int port, Path dataDir, Map<String, String> overrides,
      String advertisedHost) {
    boolean temporary = dataDir == null;
    try {
      Path dir = temporary ? Files.createTempDirectory("station-kafka-") : Files.createDirectories(dataDir);
      RuntimeException lastFailure = null;
      // A port found free can be taken before the broker binds it: pick again and retry.
      for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
        int brokerPort = port == 0 ? KraftNodes.freePort() : port;
        int controllerPort = KraftNodes.freePort();
        try {
          return startOnce(brokerPort, controllerPort, dir, temporary, overrides, advertisedHost);
        } catch (RuntimeException e) {
          lastFailure = e;
          if (port != 0 || !KraftNodes.isBindFailure(e)) {
            break;
          }
          log.debug("Port clash on attempt {}, retrying", attempt, e);
        }
      }
      if (temporary) {
        KraftNodes.deleteRecursively(dir);
      }
      throw lastFailure;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker's data directory: " + e.getMessage(), e);
    }
  }

  private static EmbeddedKafkaBroker startOnce(int brokerPort, int controllerPort, Path dir, boolean temporary,
      Map<String, String> overrides, String advertisedHost) throws IOException {
    Properties props = brokerProperties(brokerPort, controllerPort, dir.resolve("logs"));
    if (advertisedHost != null) {
      // The controller stays on loopback: only this process talks to it.
      props.put("listeners", "PLAINTEXT://0.0.0.0:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
      props.put("advertised.listeners", "PLAINTEXT://" + advertisedHost + ":" + brokerPort + ",CONTROLLER://localhost:"
          + controllerPort);
    }
    props.putAll(overrides);
    Path propsFile = dir.resolve("server.properties");
    KraftNodes.writeProperties(props, propsFile);
    if (!KraftNodes.isFormatted(dir.resolve("logs"))) {
      // A directory formatted before keeps its cluster id, and its topics.
      KraftNodes.format(propsFile, Uuid.randomUuid().toString(), "--standalone");
    }
    KafkaRaftServer server = KraftNodes.newServer(props);
    String bootstrap = "localhost:" + brokerPort;
    try {
      server.startup();
      KraftNodes.awaitReady(bootstrap, 1, Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      KraftNodes.stop(server);
      throw e;
    }
    String advertised = advertisedHost == null ? bootstrap : advertisedHost + ":" + brokerPort;
    log.info("Kafka broker ready at {} (data in {})", advertised, dir);
    return new EmbeddedKafkaBroker(server, advertised, dir, temporary);
  }

  static Properties brokerProperties(int brokerPort, int controllerPort, Path logDir) {
    // One node: every topic, internal ones included, has one replica.
    Properties p = KraftNodes.nodeProperties(1, brokerPort, controllerPort, logDir, 1, 1);
    p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
    return p;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Stops the broker (about half a second) and deletes a temporary data directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    KraftNodes.stop(server);
    if (deleteOnClose) {
      KraftNodes.deleteRecursively(dataDir);
    }
    log.info("Kafka broker at {} stopped", bootstrapServers);
  }
}
