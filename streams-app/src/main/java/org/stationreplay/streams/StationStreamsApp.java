package org.stationreplay.streams;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.query.VersionedKeyQuery;
import org.apache.kafka.streams.state.VersionedRecord;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicAdmin;

/** The running Kafka Streams application: topics checked, topology started, state queryable. */
public final class StationStreamsApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StationStreamsApp.class);

  private final KafkaStreams streams;
  /** This instance as the others know it (application.server), or null when it runs alone. */
  private final HostInfo self;

  private StationStreamsApp(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  /** Makes sure the topics exist with the right configs, then starts the topology. */
  public static StationStreamsApp start(StreamsSettings settings) {
    try (Admin admin = Admin.create(settings.clientConfig())) {
      TopicAdmin.ensure(admin, StationTopics.all(settings.topics(), settings.partitions()));
    }
    Topology topology = StationTopology.buildTopology(settings.topics());
    log.info("Topology:\n{}", topology.describe());
    KafkaStreams streams = new KafkaStreams(topology, settings.toProperties());
    streams.setUncaughtExceptionHandler(e -> {
      log.error("Stream thread failed; replacing it", e);
      return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
          .REPLACE_THREAD;
    });
    streams.start();
    return new StationStreamsApp(streams,
        settings.applicationServer() == null ? null : HostInfo.buildFromEndpoint(settings.applicationServer()));
  }

  /** Waits until the app is RUNNING (its store queryable). */
  public void awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || !streams.state().isRunningOrRebalancing()) {
        throw new IllegalStateException("Kafka Streams is " + streams.state() + ", not RUNNING, after " + timeout);
      }
      Thread.sleep(50);
    }
  }

  /**
   * The instance whose store holds a station's state, when it is another one: queries for that station go there.
   * Empty when this instance holds it, or runs alone.
   *
   * @throws StateNotReadyException while no instance holds it (a rebalance is under way)
   */
  public Optional<HostInfo> remoteOwner(String station) {
    if (self == null) {
      return Optional.empty();
    }
    KeyQueryMetadata owner = streams.queryMetadataForKey(StationTopology.STATE_STORE, station,
        Serdes.String().serializer());
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)
        || HostInfo.unavailable().equals(owner.activeHost())) {
      throw new StateNotReadyException("no instance holds replay " + station + " now (Kafka Streams is "
          + streams.state() + ")", null);
    }
    return owner.activeHost().equals(self) ? Optional.empty() : Optional.of(owner.activeHost());
  }

  /**
   * The latest state of a station, empty if no event of it has been folded.
   *
   * @throws StateNotReadyException while the app starts or rebalances
   */
  public Optional<StationState> state(String station) {
    try {
      ReadOnlyKeyValueStore<String, StationState> store = streams.store(StoreQueryParameters.fromNameAndType(
          StationTopology.STATE_STORE, QueryableStoreTypes.keyValueStore()));
      return Optional.ofNullable(store.get(station));
    } catch (InvalidStateStoreException e) {
      throw new StateNotReadyException("state store not queryable while Kafka Streams is " + streams.state(), e);
    }
  }

  /**
   * The state of a station as it was at {@code instant}, from the versioned store: the last version at or before
   * it, with the clock moved on to {@code instant}. Empty if there was none.
   */
  public Optional<StationState> stateAt(String station, Instant instant) {
    StateQueryRequest<VersionedRecord<StationState>> request = StateQueryRequest
        .inStore(StationTopology.HISTORY_STORE)
        .withQuery(VersionedKeyQuery.<String, StationState>withKey(station).asOf(instant));
    StateQueryResult<VersionedRecord<StationState>> result = streams.query(request);
    // Only the partition that holds the key has a version; the others answer with nothing.
    for (QueryResult<VersionedRecord<StationState>> r : result.getPartitionResults().values()) {
      if (r.isFailure()) {
        throw new StateNotReadyException("history store not queryable: " + r.getFailureMessage(), null);
      }
      if (r.getResult() != null) {
        return Optional.of(r.getResult().value().advancedTo(instant));
      }
    }
    if (result.getPartitionResults().isEmpty()) {
      throw new StateNotReadyException("history store not queryable while Kafka Streams is " + streams.state(),
          null);
    }
    return Optional.empty();
  }

  /** How many records went to the dead-letter topic since this instance started. */
  public long deadLetters() {
    return Math.round(streams.metrics().values().stream()
        .filter(m -> m.metricName().name().equals(StationTopology.DEAD_LETTERS_METRIC + "-total"))
        .mapToDouble(m -> ((Number) m.metricValue()).doubleValue())
        .sum());
  }

  /** Kafka Streams' own metrics, by name (for the benchmark's profile of where the fold's time goes). */
  public java.util.Map<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric> metrics() {
    return streams.metrics();
  }

  public KafkaStreams.State streamsState() {
    return streams.state();
  }

  /**
   * Stops cleanly and leaves the consumer group: with static membership a member that just stopped would otherwise
   * hold its partitions until its session times out (a crashed one does, which is what lets it come back at once).
   */
  @Override
  public void close() {
    streams.close(org.apache.kafka.streams.CloseOptions.timeout(Duration.ofSeconds(30))
        .withGroupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
  }

  /** The state cannot be read right now; try again shortly. */
  public static final class StateNotReadyException extends RuntimeException {
    StateNotReadyException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
