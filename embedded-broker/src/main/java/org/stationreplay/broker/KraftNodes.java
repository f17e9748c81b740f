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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link EmbeddedKafkaBroker} and {@link EmbeddedKafkaCluster} share: the configs of one combined
 * broker+controller KRaft node, formatting its storage with Kafka's {@code StorageTool}, starting and stopping
 * Kafka's own {@code KafkaRaftServer}, waiting for brokers to answer, free ports and clean-up.
 */
final class KraftNodes {
  private static final Logger log = LoggerFactory.getLogger(KraftNodes.class);

  private KraftNodes() {}

  /**
   * The configs of one combined broker+controller node, without its quorum ({@code controller.quorum.*}).
   *
   * @param replicationFactor replication of new topics and of the internal topics (offsets, transactions,
   *     share-group state)
   * @param minInsyncReplicas the default {@code min.insync.replicas}, also the internal topics' min ISR
   */
  static Properties nodeProperties(int nodeId, int brokerPort, int controllerPort, Path logDir,
      int replicationFactor, int minInsyncReplicas) {
    String rf = String.valueOf(replicationFactor);
    String minIsr = String.valueOf(minInsyncReplicas);
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(nodeId));
    p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    // Fewer partitions for the internal topics start faster.
    p.put("offsets.topic.replication.factor", rf);
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", rf);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", rf);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("default.replication.factor", rf);
    p.put("min.insync.replicas", minIsr);
    p.put("group.initial.rebalance.delay.ms", "0");
    // Topics are created on purpose, with their configs, never by a typo.
    p.put("auto.create.topics.enable", "false");
    return p;
  }

  static void writeProperties(Properties props, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file)) {
      props.store(w, "written by station embedded broker");
    }
  }

  /**
   * Formats a node's storage with Kafka's own tool, without exiting the JVM.
   *
   * @param quorumArgs {@code --standalone} for a single-node dynamic quorum, none for a static
   *     {@code controller.quorum.voters}
   */
  static void format(Path propsFile, String clusterId, String... quorumArgs) {
    List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c", propsFile.toString()));
    args.addAll(List.of(quorumArgs));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc;
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      rc = StorageTool.execute(args.toArray(String[]::new), ps);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage: " + e.getMessage(), e);
    }
    if (rc != 0) {
      throw new IllegalStateException("cannot format Kafka storage: " + out.toString(StandardCharsets.UTF_8));
    }
  }

  static boolean isFormatted(Path logDir) {
    return Files.exists(logDir.resolve("meta.properties"));
  }

  static KafkaRaftServer newServer(Properties props) {
    return new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
  }

  /** Shuts a server down and waits for it (about half a second); a server that failed to start too. */
  static void stop(KafkaRaftServer server) {
    server.shutdown();
    server.awaitShutdown();
  }

  /** Waits until the brokers at {@code bootstrap} answer and at least {@code brokers} of them are registered. */
  static void awaitReady(String bootstrap, int brokers, Duration timeout) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(p)) {
      while (true) {
        Exception failure = null;
        try {
          int seen = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
          if (seen >= brokers) {
            return;
          }
        } catch (Exception e) {
          failure = e;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Kafka at " + bootstrap + " did not become ready in " + timeout, failure);
        }
        sleep(100);
      }
    }
  }

  static int freePort() {
    return freePorts(1)[0];
  }

  /** {@code count} distinct ports free right now (they can still be taken before Kafka binds them). */
  static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket s = new ServerSocket(0);
        s.setReuseAddress(true);
        sockets.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    } finally {
      for (ServerSocket s : sockets) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing a probe socket
        }
      }
    }
  }

  static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException
          || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
