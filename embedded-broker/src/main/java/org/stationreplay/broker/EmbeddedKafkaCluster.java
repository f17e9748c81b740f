package org.stationreplay.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka cluster of N KRaft nodes inside this JVM: N instances of Kafka's own
 * {@code KafkaRaftServer}, each a combined broker and controller, with a static controller quorum
 * ({@code controller.quorum.voters}) of all N nodes and one cluster id. Node {@code i} has {@code node.id=i}.
 *
 * <p>Topics are replicated like on a production cluster: with three nodes or more, new topics and the internal
 * ones (consumer offsets, transaction state, share-group state) get 3 replicas and {@code min.insync.replicas=2};
 * with fewer nodes, as many replicas as nodes and a min ISR one below that (at least 1).
 *
 * <p>Meant for failure tests: {@link #stopNode(int)} shuts one node down cleanly (controlled shutdown: its
 * partition leaderships move to the others) while the rest keep serving, and {@link #restartNode(int)} brings
 * it back on the same ports with the same data. Stopping a majority of the nodes loses the controller quorum.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
  private static final int BIND_ATTEMPTS = 5;
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

  private final Path root;
  private final List<Node> nodes;
  private final String bootstrapServers;
  private boolean closed;

  /** One node: its fixed ports and configs, and its server while it runs. */
  private static final class Node {
    final int id;
    final int brokerPort;
    final Properties props;
    KafkaRaftServer server;

    Node(int id, int brokerPort, Properties props) {
      this.id = id;
      this.brokerPort = brokerPort;
      this.props = props;
    }

    String bootstrap() {
      return "localhost:" + brokerPort;
    }
  }

  private EmbeddedKafkaCluster(Path root, List<Node> nodes) {
    this.root = root;
    this.nodes = nodes;
    this.bootstrapServers = nodes.stream().map(Node::bootstrap).collect(Collectors.joining(","));
  }

  /** Starts {@code nodes} nodes on free ports with temporary data directories, and waits until all serve. */
  public static EmbeddedKafkaCluster start(int nodes) {
    return start(nodes, Map.of());
  }

  /**
   * Starts a cluster and waits until every broker is registered and answers.
   *
   * @param nodes how many combined broker+controller nodes
   * @param overrides extra configs for every node
   */
  public static EmbeddedKafkaCluster start(int nodes, Map<String, String> overrides) {
    if (nodes < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node, was " + nodes);
    }
    RuntimeException lastFailure = null;
    // A port found free can be taken before a node binds it; the quorum's ports are in every node's config,
    // so the whole cluster starts again on new ports.
    for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
      EmbeddedKafkaCluster cluster = create(nodes, overrides);
      try {
        cluster.startAll();
        return cluster;
      } catch (RuntimeException e) {
        cluster.close();
        lastFailure = e;
        if (!KraftNodes.isBindFailure(e)) {
          break;
        }
        log.debug("Port clash on attempt {}, retrying", attempt, e);
      }
    }
    throw lastFailure;
  }

  private static EmbeddedKafkaCluster create(int count, Map<String, String> overrides) {
    int replicationFactor = Math.min(3, count);
    int minInsyncReplicas = Math.max(1, replicationFactor - 1);
    int[] ports = KraftNodes.freePorts(2 * count);
    String voters = IntStream.range(0, count)
        .mapToObj(i -> i + "@localhost:" + ports[count + i])
        .collect(Collectors.joining(","));
    Path root;
    try {
      root = Files.createTempDirectory("station-kafka-cluster-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the cluster's data directory: " + e.getMessage(), e);
    }
    try {
      String clusterId = Uuid.randomUuid().toString();
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Path dir = Files.createDirectories(root.resolve("node-" + i));
        Properties props = KraftNodes.nodeProperties(i, ports[i], ports[count + i], dir.resolve("logs"),
            replicationFactor, minInsyncReplicas);
        props.put("controller.quorum.voters", voters);
        // A node that cannot reach a quorum fails its start instead of waiting for ever.
        props.put("server.max.startup.time.ms", String.valueOf(STARTUP_TIMEOUT.toMillis()));
        props.putAll(overrides);
        Path propsFile = dir.resolve("server.properties");
        KraftNodes.writeProperties(props, propsFile);
        KraftNodes.format(propsFile, clusterId); // a static quorum: no --standalone, no --initial-controllers
        nodes.add(new Node(i, ports[i], props));
      }
      return new EmbeddedKafkaCluster(root, nodes);
    } catch (IOException | RuntimeException e) {
      KraftNodes.deleteRecursively(root);
      throw e instanceof IOException io
          ? new UncheckedIOException("cannot set up the cluster's nodes: " + e.getMessage(), io)
          : (RuntimeException) e;
    }
  }

  /**
   * Starts every node at once: a node's start returns only once a controller quorum (a majority of the nodes)
   * has acknowledged it, so they cannot start one after the other.
   */
  private void startAll() {
    long started = System.nanoTime();
    List<CompletableFuture<Void>> starts = new ArrayList<>();
    for (Node node : nodes) {
      node.server = KraftNodes.newServer(node.props);
      starts.add(runAsync("start node " + node.id, () -> node.server.startup()));
    }
    awaitAll(starts, STARTUP_TIMEOUT.plusSeconds(10));
    KraftNodes.awaitReady(bootstrapServers, nodes.size(), Duration.ofSeconds(60));
    log.info("Kafka cluster of {} nodes ready at {} in {} ms (data in {})", nodes.size(), bootstrapServers,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), root);
  }

  /** Every node's client address, {@code localhost:p0,localhost:p1,...}, whether it runs or not. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** The client address of one node. */
  public String bootstrapServers(int index) {
    return node(index).bootstrap();
  }

  /** The temporary directory holding every node's data, deleted by {@link #close()}. */
  public Path dataDir() {
    return root;
  }

  public int size() {
    return nodes.size();
  }

  public synchronized boolean isRunning(int index) {
    return node(index).server != null;
  }

  /**
   * Shuts node {@code index} (its {@code node.id}) down cleanly: a controlled shutdown moves its partition
   * leaderships to the other replicas first, then the broker and the controller stop. The others keep serving.
   */
  public synchronized void stopNode(int index) {
    Node node = node(index);
    if (closed || node.server == null) {
      throw new IllegalStateException("node " + index + " is not running");
    }
    long started = System.nanoTime();
    KraftNodes.stop(node.server);
    node.server = null;
    log.info("Kafka node {} at {} stopped in {} ms", index, node.bootstrap(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /**
   * Starts a stopped node again, on its ports and with its data, and waits until it is registered again. It then
   * catches up as a follower: wait for the in-sync replicas if that matters.
   */
  public synchronized void restartNode(int index) {
    Node node = node(index);
    if (closed || node.server != null) {
      throw new IllegalStateException("node " + index + " is running or the cluster is closed");
    }
    RuntimeException lastFailure = null;
    // Its ports are in every node's config: wait for them rather than take others.
    for (int attempt = 1; attempt <= 20; attempt++) {
      KafkaRaftServer server = KraftNodes.newServer(node.props);
      try {
        server.startup();
      } catch (RuntimeException e) {
        KraftNodes.stop(server);
        lastFailure = e;
        if (!KraftNodes.isBindFailure(e)) {
          break;
        }
        log.debug("Node {}'s port is still taken, retrying", index, e);
        KraftNodes.sleep(500);
        continue;
      }
      node.server = server;
      KraftNodes.awaitReady(node.bootstrap(), runningNodes(), Duration.ofSeconds(60));
      log.info("Kafka node {} at {} restarted", index, node.bootstrap());
      return;
    }
    throw lastFailure;
  }

  /**
   * Stops every running node and deletes the data directories. Idempotent. All brokers shut down first, while
   * the controller quorum is still there to acknowledge their controlled shutdown, then the controllers.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Node> running = nodes.stream().filter(n -> n.server != null).toList();
    try {
      forEachAtOnce(running, "stop broker", n -> shutdownBrokerOnly(n.server));
      forEachAtOnce(running, "stop node", n -> KraftNodes.stop(n.server));
    } finally {
      running.forEach(n -> n.server = null);
      KraftNodes.deleteRecursively(root);
    }
    log.info("Kafka cluster at {} stopped", bootstrapServers);
  }

  private int runningNodes() {
    return (int) nodes.stream().filter(n -> n.server != null).count();
  }

  private Node node(int index) {
    if (index < 0 || index >= nodes.size()) {
      throw new IllegalArgumentException("no node " + index + " in a cluster of " + nodes.size());
    }
    return nodes.get(index);
  }

  /**
   * Shuts down the broker half of a combined node and leaves its controller running. {@code KafkaRaftServer}
   * has no such method, and stopping whole nodes one by one would leave the last ones without a quorum to
   * acknowledge their controlled shutdown (they would wait five minutes): hence the one reflective call. If a
   * later Kafka renames the field, the node is stopped whole.
   */
  private static void shutdownBrokerOnly(KafkaRaftServer server) {
    Object broker;
    try {
      Method accessor = KafkaRaftServer.class.getDeclaredMethod("broker");
      accessor.setAccessible(true);
      scala.Option<?> maybe = (scala.Option<?>) accessor.invoke(server);
      broker = maybe.isDefined() ? maybe.get() : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("Cannot reach the broker of a Kafka node, stopping it whole", e);
      KraftNodes.stop(server);
      return;
    }
    if (broker instanceof kafka.server.BrokerServer b) {
      b.shutdown();
      b.awaitShutdown();
    }
  }

  private static void forEachAtOnce(List<Node> nodes, String what, Consumer<Node> action) {
    awaitAll(nodes.stream().map(n -> runAsync(what + " " + n.id, () -> action.accept(n))).toList(),
        Duration.ofMinutes(2));
  }

  private static CompletableFuture<Void> runAsync(String name, Runnable action) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        action.run();
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    }, "station-kafka-" + name.replace(' ', '-'));
    t.setDaemon(true);
    t.start();
    return done;
  }

  /** Waits for every future, then rethrows the first failure. */
  private static void awaitAll(List<CompletableFuture<Void>> futures, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException first = null;
    for (CompletableFuture<Void> f : futures) {
      try {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      } catch (TimeoutException e) {
        if (first == null) {
          first = new IllegalStateException("Kafka nodes did not answer in " + timeout, e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Kafka nodes", e);
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
