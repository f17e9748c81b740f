package org.stationreplay.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.projection.Clock;
import org.stationreplay.projection.Admission;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Projections;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicAdmin;

/**
 * The running Kafka Streams application: topics checked, topology started, projections queryable (latest, and at
 * any instant of a replay's current run).
 */
public final class StationStreamsApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StationStreamsApp.class);

  private final KafkaStreams streams;
  private final ProjectionEngine engine;
  private final EventLog eventLog;
  /** This instance as the others know it (application.server), or null when it runs alone. */
  private final HostInfo self;

  private StationStreamsApp(KafkaStreams streams, ProjectionEngine engine, EventLog eventLog, HostInfo self) {
    this.streams = streams;
    this.engine = engine;
    this.eventLog = eventLog;
    this.self = self;
  }

  /** Every registered projection ({@link Projections#ALL}). */
  public static StationStreamsApp start(StreamsSettings settings) {
    return start(settings, Projections.engine());
  }

  /** Makes sure the topics exist with the right configs, then starts the topology of {@code engine}'s projections. */
  public static StationStreamsApp start(StreamsSettings settings, ProjectionEngine engine) {
    try (Admin admin = Admin.create(settings.clientConfig())) {
      TopicAdmin.ensure(admin, StationTopics.all(settings.topics(), settings.partitions(),
          engine.projections().stream().map(p -> p.name()).toList()));
    }
    EventLog eventLog = new KafkaEventLog(settings.clientConfig(), settings.topics().events());
    Topology topology = StationTopology.buildTopology(settings.topics(), engine, eventLog);
    log.info("Topology:\n{}", topology.describe());
    KafkaStreams streams = new KafkaStreams(topology, settings.toProperties());
    streams.setUncaughtExceptionHandler(e -> {
      log.error("Stream thread failed; replacing it", e);
      return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
          .REPLACE_THREAD;
    });
    streams.start();
    return new StationStreamsApp(streams, engine, eventLog,
        settings.applicationServer() == null ? null : HostInfo.buildFromEndpoint(settings.applicationServer()));
  }

  public ProjectionEngine engine() {
    return engine;
  }

  /** Waits until the app is RUNNING (its stores queryable). */
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
   * The instance whose stores hold a replay, when it is another one: queries for that replay go there. Empty when
   * this instance holds it, or runs alone.
   *
   * @throws StateNotReadyException while no instance holds it (a rebalance is under way)
   */
  public Optional<HostInfo> remoteOwner(String replay) {
    if (self == null) {
      return Optional.empty();
    }
    KeyQueryMetadata owner = streams.queryMetadataForKey(StationTopology.CLOCK_STORE, replay,
        Serdes.String().serializer());
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)
        || HostInfo.unavailable().equals(owner.activeHost())) {
      throw new StateNotReadyException("no instance holds replay " + replay + " now (Kafka Streams is "
          + streams.state() + ")", null);
    }
    return owner.activeHost().equals(self) ? Optional.empty() : Optional.of(owner.activeHost());
  }

  /**
   * A replay's latest snapshot: its clock and every projection's value, as the stores hold them. Empty if no record
   * of it has been folded.
   *
   * @throws StateNotReadyException while the app starts or rebalances
   */
  public Optional<Snapshot> snapshot(String replay) {
    ReadOnlyKeyValueStore<String, Clock> clocks = store(StationTopology.CLOCK_STORE);
    for (int attempt = 0; ; attempt++) {
      Clock clock = clocks.get(replay);
      if (clock == null) {
        return Optional.empty();
      }
      List<Object> values = new ArrayList<>(engine.size());
      for (int i = 0; i < engine.size(); i++) {
        ReadOnlyKeyValueStore<String, Object> store =
            store(StationTopology.projectionStore(engine.projection(i).name()));
        Object v = store.get(replay);
        values.add(v == null ? engine.projection(i).initial() : v);
      }
      // The stores are read one after the other while the fold goes on: the clock read again tells whether an
      // event came in between, and then the values are read again, so that they all belong to one point.
      if (clock.equals(clocks.get(replay)) || attempt == 5) {
        return Optional.of(engine.snapshot(clock, Admission.EMPTY, values));
      }
    }
  }

  /** A replay's latest state document (the dashboard's fields), composed from its snapshot. */
  public Optional<org.stationreplay.state.StationState> state(String replay) {
    return snapshot(replay).map(s -> org.stationreplay.projections.Composite.state(engine, s));
  }

  /**
   * A replay's snapshot at {@code instant} (time travel): its current run refolded from the event log, from the run's
   * start up to that instant, and the clock moved on to it. Empty if the run had not begun by then.
   */
  public Optional<Snapshot> snapshotAt(String replay, Instant instant) {
    ReadOnlyKeyValueStore<String, RunStart> runs = store(StationTopology.RUNS_STORE);
    RunStart start = runs.get(replay);
    if (start == null) {
      return Optional.empty();
    }
    return LogRefold.at(eventLog, start, replay, instant, engine, System.currentTimeMillis());
  }

  /** Which events a run applied depends on the station's rules alone: the timeline folds no projection. */
  private static final ProjectionEngine RULES_ONLY = new ProjectionEngine(java.util.List.of());

  /**
   * The last {@code limit} events of a replay's current run up to {@code instant} (null: up to now), newest first,
   * read back from the event log; empty before the replay's first record.
   */
  public java.util.List<TimelineEntry> timeline(String replay, Instant instant, int limit) {
    ReadOnlyKeyValueStore<String, RunStart> runs = store(StationTopology.RUNS_STORE);
    RunStart start = runs.get(replay);
    if (start == null) {
      return java.util.List.of();
    }
    return LogRefold.timeline(eventLog, start, replay, instant, limit, RULES_ONLY, System.currentTimeMillis());
  }

  /** A replay's state document at {@code instant}, composed from {@link #snapshotAt}. */
  public Optional<org.stationreplay.state.StationState> stateAt(String replay, Instant instant) {
    return snapshotAt(replay, instant).map(s -> org.stationreplay.projections.Composite.state(engine, s));
  }

  private <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
    try {
      return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new StateNotReadyException("store " + name + " not queryable while Kafka Streams is " + streams.state(),
          e);
    }
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

  /** The running KafkaStreams, for Micrometer's binder of its metrics. */
  KafkaStreams kafkaStreams() {
    return streams;
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
