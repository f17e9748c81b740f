package org.stationreplay.streams;

import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.projection.Clock;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projections.Projections;
import org.stationreplay.topics.TopicNames;

/**
 * The projections as a Kafka Streams topology:
 * <pre>
 *   station.events --[events-source]--> [fold-projections] --[clock-sink]--> station.projection.clock
 *                                          |   --[projection-crew-sink]--> station.projection.crew   (one sink and
 *                                          |   --[projection-...-sink]--> station.projection....      topic each)
 *                                          |   --[projection-status-sink]--> station.projection-status
 *                                          +-- --[dlq-sink]--> station.events.dlq
 *   stores: engine-clock, engine-rules, engine-runs, projection-registry, projection-&lt;name&gt; (one each)
 *   station.projection-rebuilds --[rebuilds-source]--> [rebuild-requests] --> global store projection-rebuilds
 * </pre>
 * One source and one processor for all projections: each event is read, decoded and checked against the rules once,
 * whatever the number of read models. The replay's clock ticks travel in station.events too, in order with the
 * events they fall between. Pure: builds the topology, touches nothing.
 */
public final class StationTopology {
  public static final String SOURCE = "events-source";
  public static final String ENGINE = "fold-projections";
  public static final String CLOCK_STORE = "engine-clock";
  public static final String RULES_STORE = "engine-rules";
  public static final String RUNS_STORE = "engine-runs";
  public static final String REGISTRY_STORE = "projection-registry";
  /** The replays with changes not yet written: a cached marker whose flush, at every commit, writes them. */
  public static final String DIRTY_STORE = "engine-dirty";
  public static final String REBUILDS_STORE = "projection-rebuilds";
  public static final String REBUILDS_SOURCE = "rebuilds-source";
  public static final String REBUILDS_PROCESSOR = "rebuild-requests";
  public static final String CLOCK_SINK = "clock-sink";
  public static final String STATUS_SINK = "projection-status-sink";
  public static final String DLQ_SINK = "dlq-sink";
  public static final String METRICS_SCOPE = "station";
  public static final String DEAD_LETTERS_METRIC = "dead-letters";

  private StationTopology() {}

  /** The store of projection {@code name}: its latest value per replay. */
  public static String projectionStore(String name) {
    return "projection-" + name;
  }

  public static String projectionSink(String name) {
    return "projection-" + name + "-sink";
  }

  /** The topology of every registered projection ({@link Projections#ALL}), without access to the log. */
  public static Topology buildTopology(TopicNames topics) {
    return buildTopology(topics, Projections.engine(), EventLog.NONE);
  }

  /**
   * @param eventLog how a rebuild reads the event log back (a Kafka consumer when running; building the topology
   *     does not touch it)
   */
  public static Topology buildTopology(TopicNames topics, ProjectionEngine engine, EventLog eventLog) {
    Serde<Clock> clockSerde = new SerializeOnce<>(JsonSerde.of(Clock.class));
    // The engine's and the projections' stores are written once per replay and commit, when the dirty marker is
    // flushed (ProjectionProcessor.write): no cache of their own, which would be flushed in an order of its own.
    StoreBuilder<KeyValueStore<String, Clock>> clock = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(CLOCK_STORE), Serdes.String(), clockSerde).withCachingDisabled();
    StoreBuilder<KeyValueStore<String, org.stationreplay.projection.Admission>> rules = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(RULES_STORE), Serdes.String(), new AdmissionSerde()).withCachingDisabled();
    // Which replays changed since the last commit; nothing to restore after a crash (the work starts again from
    // the committed offsets), so in memory and without a changelog.
    StoreBuilder<KeyValueStore<String, Long>> dirty = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(DIRTY_STORE), Serdes.String(), Serdes.Long())
        .withCachingEnabled().withLoggingDisabled();
    StoreBuilder<KeyValueStore<String, RunStart>> runs = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(RUNS_STORE), Serdes.String(), JsonSerde.of(RunStart.class))
        .withCachingEnabled();
    StoreBuilder<KeyValueStore<String, ProjectionStatus>> registry = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(REGISTRY_STORE), Serdes.String(), JsonSerde.of(ProjectionStatus.class));
    StoreBuilder<KeyValueStore<String, Long>> rebuilds = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(REBUILDS_STORE), Serdes.String(), Serdes.Long()).withLoggingDisabled();

    Topology t = new Topology()
        .addSource(AutoOffsetReset.earliest(), SOURCE, new EventTimeExtractor(), new StringDeserializer(),
            new EventDecoder(), topics.events())
        .addProcessor(ENGINE, () -> new ProjectionProcessor(engine, eventLog), SOURCE)
        .addStateStore(clock, ENGINE)
        .addStateStore(rules, ENGINE)
        .addStateStore(runs, ENGINE)
        .addStateStore(dirty, ENGINE)
        .addStateStore(registry, ENGINE)
        .addSink(CLOCK_SINK, topics.clock(), new StringSerializer(), clockSerde.serializer(), ENGINE)
        .addSink(STATUS_SINK, topics.projectionStatus(), new StringSerializer(),
            JsonSerde.of(ProjectionStatus.class), ENGINE)
        .addSink(DLQ_SINK, topics.deadLetters(), new StringSerializer(), new ByteArraySerializer(), ENGINE);
    for (Projection<?> p : engine.projections()) {
      addProjection(t, topics, p);
    }
    return t.addGlobalStore(rebuilds, REBUILDS_SOURCE, new StringDeserializer(), new ByteArrayDeserializer(),
        topics.rebuilds(), REBUILDS_PROCESSOR, RebuildRequestRecorder::new);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void addProjection(Topology t, TopicNames topics, Projection<?> p) {
    Serde<Object> serde = new SerializeOnce<>((Serde) JsonSerde.of(p.valueType()));
    // Written once per replay and commit, like the clock (see buildTopology).
    t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(projectionStore(p.name())),
        Serdes.String(), serde).withCachingDisabled(), ENGINE);
    t.addSink(projectionSink(p.name()), topics.projection(p.name()), new StringSerializer(), serde.serializer(),
        ENGINE);
  }

  /** Every store the fold writes, for the record: the engine's four and one per projection. */
  public static List<String> stores(ProjectionEngine engine) {
    List<String> stores = new java.util.ArrayList<>(List.of(CLOCK_STORE, RULES_STORE, RUNS_STORE, REGISTRY_STORE,
        DIRTY_STORE));
    engine.projections().forEach(p -> stores.add(projectionStore(p.name())));
    return stores;
  }
}
