package org.stationreplay.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
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
    boolean temporary = dataDir == null;
    try {
      Path dir = temporary ? Files.createTempDirectory("station-kafka-") : Files.createDirectories(dataDir);
      RuntimeException lastFailure = null;
      // A port found free can be taken before the broker binds it: pick again and retry.
      for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        try {
          return startOnce(brokerPort, controllerPort, dir, temporary, overrides);
        } catch (RuntimeException e) {
          lastFailure = e;
          if (port != 0 || !isBindFailure(e)) {
            break;
          }
          log.debug("Port clash on attempt {}, retrying", attempt, e);
        }
      }
      if (temporary) {
        deleteRecursively(dir);
      }
      throw lastFailure;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the broker's data directory: " + e.getMessage(), e);
    }
  }

  private static EmbeddedKafkaBroker startOnce(int brokerPort, int controllerPort, Path dir, boolean temporary,
      Map<String, String> overrides) throws IOException {
    Properties props = brokerProperties(brokerPort, controllerPort, dir.resolve("logs"));
    props.putAll(overrides);
    Path propsFile = dir.resolve("server.properties");
    try (Writer w = Files.newBufferedWriter(propsFile)) {
      props.store(w, "written by station embedded broker");
    }
    if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
      format(propsFile); // a directory formatted before keeps its cluster id, and its topics
    }
    KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    String bootstrap = "localhost:" + brokerPort;
    try {
      server.startup();
      awaitReady(bootstrap, Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      server.shutdown();
      server.awaitShutdown();
      throw e;
    }
    log.info("Kafka broker ready at {} (data in {})", bootstrap, dir);
    return new EmbeddedKafkaBroker(server, bootstrap, dir, temporary);
  }

  static Properties brokerProperties(int brokerPort, int controllerPort, Path logDir) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
    p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // One node: every internal topic has one replica. Fewer partitions start faster.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // Topics are created on purpose, with their configs, never by a typo.
    p.put("auto.create.topics.enable", "false");
    return p;
  }

  private static void format(Path propsFile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String clusterId = Uuid.randomUuid().toString();
    int rc;
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      rc = StorageTool.execute(new String[] {"format", "--standalone", "-t", clusterId, "-c",
          propsFile.toString()}, ps);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage: " + e.getMessage(), e);
    }
    if (rc != 0) {
      throw new IllegalStateException("cannot format Kafka storage: " + out.toString(StandardCharsets.UTF_8));
    }
  }

  private static void awaitReady(String bootstrap, Duration timeout) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        try {
          admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
          return;
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Kafka broker at " + bootstrap + " did not become ready in " + timeout, e);
          }
          sleep(100);
        }
      }
    }
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
    server.shutdown();
    server.awaitShutdown();
    if (deleteOnClose) {
      deleteRecursively(dataDir);
    }
    log.info("Kafka broker at {} stopped", bootstrapServers);
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException
          || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
