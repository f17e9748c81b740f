package org.stationreplay.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.stationreplay.topics.TopicNames;

/**
 * How the Streams app runs.
 *
 * @param clientConfig Kafka client settings shared by every client ({@code bootstrap.servers}, security)
 * @param commitInterval how often Kafka Streams commits; under exactly-once a new value is visible to
 *     read-committed consumers of the projection topics only after the commit that contains it
 * @param applicationServer {@code host:port} where the other instances reach this one's HTTP API (Kafka Streams'
 *     {@code application.server}), or null when this instance runs alone
 * @param standbyReplicas warm copies of each store kept on other instances, so that a failover serves at once
 * @param streamThreads threads folding in this instance; 0 for one per core, at most one per partition
 */
public record StreamsSettings(
    String applicationId,
    Map<String, Object> clientConfig,
    Path stateDir,
    Duration commitInterval,
    TopicNames topics,
    int partitions,
    String applicationServer,
    int standbyReplicas,
    int streamThreads) {

  /**
   * The fold's consumer group and the prefix of its changelogs. It was {@code station-streams} while the fold
   * wrote one state document; the projections' stores are new, so the new name makes an upgraded system fold the
   * log from the first record instead of starting with empty stores at the old group's offsets.
   */
  public static final String DEFAULT_APPLICATION_ID = "station-projections";
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

  public StreamsSettings {
    clientConfig = Map.copyOf(clientConfig);
    if (streamThreads < 0) {
      throw new IllegalArgumentException("stream threads must be 0 (one per core) or more, was " + streamThreads);
    }
  }

  /** One instance on its own: no peers to forward queries to, no standbys, a thread per core. */
  public StreamsSettings(String applicationId, Map<String, Object> clientConfig, Path stateDir,
      Duration commitInterval, TopicNames topics, int partitions) {
    this(applicationId, clientConfig, stateDir, commitInterval, topics, partitions, null, 0, 0);
  }

  /** The same, as one of several instances that answer for each other. */
  public StreamsSettings scaledOut(String applicationServer, int standbyReplicas) {
    return new StreamsSettings(applicationId, clientConfig, stateDir, commitInterval, topics, partitions,
        applicationServer, standbyReplicas, streamThreads);
  }

  /** The same with {@code threads} stream threads (0: one per core, at most one per partition). */
  public StreamsSettings withStreamThreads(int threads) {
    return new StreamsSettings(applicationId, clientConfig, stateDir, commitInterval, topics, partitions,
        applicationServer, standbyReplicas, threads);
  }

  /**
   * The threads that fold: as asked, or one per core but no more than the partitions of the log (a thread with no
   * partition only waits). A thread's commit blocks it for a broker round trip or two; with two, one folds while
   * the other commits (measured in BENCHMARKS.md).
   */
  public int threads() {
    return streamThreads > 0 ? streamThreads
        : Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), partitions));
  }

  static final long CACHE_BYTES = 16L * 1024 * 1024;

  public Properties toProperties() {
    Properties p = new Properties();
    p.putAll(clientConfig);
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
    // The clock's and projections' stores' cache (see StationTopology): one value per replay and store.
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
    // Under exactly-once a read-committed reader sees nothing before the commit, and the commit flushes the
    // producer whatever its linger: lingering costs dashboards no latency, and fills batches. Measured in
    // BENCHMARKS.md.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    // Right after a commit the broker answers CONCURRENT_TRANSACTIONS until the markers are written: retry
    // soon (not after the default 100 ms), and one request at a time so that later batches are not all refused.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 5);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION), 1);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    // A fold of a few microseconds a record empties the default 1,000-record poll quickly: bigger polls spend less
    // of the stream thread's time fetching when there is a backlog (a refold, a fast replay).
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5_000);
    p.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 10_000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 4 * 1024 * 1024);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    // Internal topics take the broker's default replication factor: 1 embedded, 3 on a cluster.
    p.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
    // Static membership: an instance that restarts (after a crash, say) takes its partitions back at once instead
    // of waiting for the group to time its old self out. One id per state directory, so one per instance. A dead
    // instance's partitions move to the others after the session timeout.
    p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId());
    p.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
    if (applicationServer != null) {
      p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads());
    return p;
  }

  /** Stable across restarts of one instance, distinct between instances (they never share a state dir). */
  String instanceId() {
    return applicationId + "-" + Integer.toHexString(stateDir.toAbsolutePath().normalize().toString().hashCode());
  }
}
