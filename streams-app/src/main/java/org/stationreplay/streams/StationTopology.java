package org.stationreplay.streams;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.TopicNames;

/**
 * The fold as a Kafka Streams topology:
 * <pre>
 *   station.events --[events-source]--> [fold-events] --[state-sink]--> station.state
 *                                            |   (station-state-store)
 *                                            +--[dlq-sink]--> station.events.dlq
 * </pre>
 * Pure: builds the topology, touches nothing.
 */
public final class StationTopology {
  public static final String SOURCE = "events-source";
  public static final String FOLD_PROCESSOR = "fold-events";
  public static final String STATE_STORE = "station-state-store";
  public static final String STATE_SINK = "state-sink";
  public static final String DLQ_SINK = "dlq-sink";

  private StationTopology() {}

  public static Topology buildTopology(TopicNames topics) {
    StoreBuilder<KeyValueStore<String, StationState>> store = Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STATE_STORE), Serdes.String(), JsonSerde.of(StationState.class))
        // No record cache: each new state must reach the API and station.state at once, not at the next commit.
        .withCachingDisabled();
    return new Topology()
        .addSource(AutoOffsetReset.earliest(), SOURCE, new EventTimeExtractor(), new StringDeserializer(),
            new EventDecoder(), topics.events())
        .addProcessor(FOLD_PROCESSOR, FoldProcessor::new, SOURCE)
        .addStateStore(store, FOLD_PROCESSOR)
        .addSink(STATE_SINK, topics.state(), new StringSerializer(), JsonSerde.of(StationState.class),
            FOLD_PROCESSOR)
        .addSink(DLQ_SINK, topics.deadLetters(), new StringSerializer(), new ByteArraySerializer(),
            FOLD_PROCESSOR);
  }
}
