package org.stationreplay.microbench;

import java.util.List;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projections.Fold;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.StationTopics;

/**
 * The benchmarks' input: the real bundled history (1,114 events), as objects and as the record values the
 * producer writes on {@code station.events} ({@link JsonSerde} of {@link StationEvent}: each event at its type's
 * current version, so version-1 spacewalks of the file arrive as version 2). Loaded once per forked JVM.
 */
final class Bundled {
  static final String EVENTS_TOPIC = StationTopics.EVENTS;
  static final String CLOCK_TOPIC = StationTopics.PROJECTION_PREFIX + StationTopics.CLOCK;

  /** The history, in order. */
  static final StationEvent[] EVENTS;
  /** {@link #EVENTS} as Kafka record values, byte for byte what the replay sends. */
  static final byte[][] RECORDS;

  static {
    List<StationEvent> events = HistoryReader.bundled().events();
    EVENTS = events.toArray(StationEvent[]::new);
    JsonSerde<StationEvent> serde = JsonSerde.of(StationEvent.class);
    RECORDS = new byte[EVENTS.length][];
    for (int i = 0; i < EVENTS.length; i++) {
      RECORDS[i] = serde.serialize(EVENTS_TOPIC, EVENTS[i]);
    }
  }

  private Bundled() {}

  /** The state after the first {@code n} events. */
  static StationState stateAfter(int n) {
    return Fold.state(java.util.Arrays.asList(EVENTS).subList(0, n));
  }
}
