package org.stationreplay.streams;

import java.time.Duration;
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
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.TopicNames;

/**
 * The fold as a Kafka Streams topology:
 * <pre>
 *   station.events --[events-source]--> [fold-events] --[state-sink]--> station.state
 *                                          |   stores: station-state-store (latest),
 *                                          |           station-state-history (versioned, for time travel),
 *                                          |           station-seen-event-ids (duplicates)
 *                                          +--[dlq-sink]--> station.events.dlq
 * </pre>
 * The replay's clock ticks travel in station.events too, in order with the events they fall between. Pure:
 * builds the topology, touches nothing.
 */
public final class StationTopology {
  public static final String SOURCE = "events-source";
  public static final String FOLD_PROCESSOR = "fold-events";
  public static final String STATE_STORE = "station-state-store";
  public static final String HISTORY_STORE = "station-state-history";
  /** Ids of the history events applied per station and run, to refuse a duplicate. */
  public static final String SEEN_STORE = "station-seen-event-ids";
  public static final String METRICS_SCOPE = "station";
  public static final String DEAD_LETTERS_METRIC = "dead-letters";
  public static final String STATE_SINK = "state-sink";
  public static final String DLQ_SINK = "dlq-sink";

  /** Versions are kept for the whole span of the history, with about a month per segment. */
  static final Duration HISTORY_RETENTION = Duration.ofDays(366L * 40);
  static final Duration HISTORY_SEGMENT = Duration.ofDays(30);

  private StationTopology() {}

  public static Topology buildTopology(TopicNames topics) {
    Serde<StationState> stateSerde = new SerializeOnce<>(JsonSerde.of(StationState.class));
    StoreBuilder<KeyValueStore<String, StationState>> latest = Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STATE_STORE), Serdes.String(), stateSerde)
        // The record cache keeps only the last state of each station per commit for RocksDB and the changelog
        // (a burst of 100 events writes one 10 KB state, not 100). Every state is still forwarded to
        // station.state as it is made, so dashboards miss nothing; queries read through the cache.
        .withCachingEnabled();
    StoreBuilder<VersionedKeyValueStore<String, StationState>> history = Stores.versionedKeyValueStoreBuilder(
        Stores.persistentVersionedKeyValueStore(HISTORY_STORE, HISTORY_RETENTION, HISTORY_SEGMENT),
        Serdes.String(), stateSerde);
    StoreBuilder<KeyValueStore<String, String>> seen = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SEEN_STORE), Serdes.String(), Serdes.String()).withCachingDisabled();
    return new Topology()
        .addSource(AutoOffsetReset.earliest(), SOURCE, new EventTimeExtractor(), new StringDeserializer(),
            new EventDecoder(), topics.events())
        .addProcessor(FOLD_PROCESSOR, FoldProcessor::new, SOURCE)
        .addStateStore(latest, FOLD_PROCESSOR)
        .addStateStore(history, FOLD_PROCESSOR)
        .addStateStore(seen, FOLD_PROCESSOR)
        .addSink(STATE_SINK, topics.state(), new StringSerializer(), stateSerde.serializer(), FOLD_PROCESSOR)
        .addSink(DLQ_SINK, topics.deadLetters(), new StringSerializer(), new ByteArraySerializer(),
            FOLD_PROCESSOR);
  }
}
