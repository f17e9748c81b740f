package org.stationreplay.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.stationreplay.events.EventType;
import org.stationreplay.events.StationEvent;
import org.stationreplay.fold.EventRejectedException;
import org.stationreplay.fold.StationFold;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.StationTopics;

/**
 * Folds each event into the state of its station (the record key) with {@link StationFold}, stores it (latest,
 * and as a version at the event's time) and forwards it to {@code station.state}. Anything the fold cannot use goes to the dead-letter topic with headers
 * saying why and where it came from, and the state stays as it was.
 */
final class FoldProcessor implements Processor<String, DecodedEvent, String, Object> {
  private ProcessorContext<String, Object> context;
  /** Far enough ahead that Kafka (message.timestamp.after.max.ms, 1 h by default) would refuse it. */
  static final Duration FUTURE_LIMIT = Duration.ofMinutes(55);

  private KeyValueStore<String, StationState> store;
  /**
   * The latest state of each station this task folded, exactly what is in {@link #store}: every write goes to
   * both, and {@link #init} empties it: Kafka Streams re-initialises a task's processors after an aborted
   * transaction (the store is restored to the last commit), so nothing uncommitted survives here. Saves parsing
   * the state back from JSON for every event. Bounded by the stations of this task, not the log's length.
   */
  private final java.util.Map<String, StationState> latest = new java.util.HashMap<>();
  private VersionedKeyValueStore<String, StationState> history;
  private KeyValueStore<String, String> seen;
  private Sensor deadLetters;

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    latest.clear();
    this.store = context.getStateStore(StationTopology.STATE_STORE);
    this.history = context.getStateStore(StationTopology.HISTORY_STORE);
    this.seen = context.getStateStore(StationTopology.SEEN_STORE);
    this.deadLetters = context.metrics().addRateTotalSensor(StationTopology.METRICS_SCOPE,
        StationTopology.FOLD_PROCESSOR, StationTopology.DEAD_LETTERS_METRIC, Sensor.RecordingLevel.INFO);
  }

  @Override
  public void process(Record<String, DecodedEvent> record) {
    DecodedEvent decoded = record.value();
    if (record.key() == null) {
      deadLetter(record, "missing record key (the station id)");
      return;
    }
    if (!decoded.isValid()) {
      deadLetter(record, decoded.error());
      return;
    }
    StationEvent event = decoded.event();
    if (event.time().toEpochMilli() > context.currentSystemTimeMs() + FUTURE_LIMIT.toMillis()) {
      // Caught here, before any store: its timestamp would make the changelog write fail and stop the app.
      deadLetter(record, "time " + event.time() + " is in the future: Kafka would refuse it");
      return;
    }
    StationState current = latest.computeIfAbsent(record.key(), store::get);
    String seenKey = null;
    if (isHistoryEvent(event)) {
      String run = current == null ? null : current.run();
      seenKey = record.key() + '\u0000' + run + '\u0000' + event.id();
      String firstAt = seen.get(seenKey);
      if (firstAt != null) {
        deadLetter(record, "duplicate event id " + event.id() + " (already applied at " + firstAt + ")");
        return;
      }
    }
    StationState next;
    try {
      next = StationFold.apply(current == null ? StationState.EMPTY : current, event);
    } catch (EventRejectedException e) {
      deadLetter(record, "rejected by the fold: " + e.reason());
      return;
    }
    long time = event.time().toEpochMilli();
    if (next == current) {
      return; // a clock tick of another replay run: nothing changed
    }
    store.put(record.key(), next);
    latest.put(record.key(), next);
    if (seenKey != null) {
      seen.put(seenKey, context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
          .orElse("?"));
    }
    if (next.eventsApplied() > 0) { // a run's opening marker empties the station now, not in history
      history.put(record.key(), next, time);
    }
    context.forward(record.withValue((Object) next).withTimestamp(time), StationTopology.STATE_SINK);
  }

  /** Ids are unique among a run's history events; the replay's markers and ticks are not history. */
  private static boolean isHistoryEvent(StationEvent e) {
    EventType type = EventType.of(e);
    return type != EventType.CLOCK_TICKED && type != EventType.REPLAY_STARTED;
  }

  private void deadLetter(Record<String, DecodedEvent> record, String reason) {
    deadLetters.record();
    Headers headers = record.headers();
    headers.add(StationTopics.HEADER_DLQ_REASON, bytes(reason));
    context.recordMetadata().ifPresent((RecordMetadata m) -> {
      headers.add(StationTopics.HEADER_DLQ_TOPIC, bytes(m.topic()));
      headers.add(StationTopics.HEADER_DLQ_PARTITION, bytes(String.valueOf(m.partition())));
      headers.add(StationTopics.HEADER_DLQ_OFFSET, bytes(String.valueOf(m.offset())));
    });
    byte[] raw = record.value() == null ? null : record.value().raw();
    // Stamped with when it was refused: its own time may be one Kafka refuses (that can be why it is here).
    headers.add(StationTopics.HEADER_DLQ_TIMESTAMP, bytes(String.valueOf(record.timestamp())));
    context.forward(record.withValue((Object) raw).withTimestamp(context.currentSystemTimeMs()),
        StationTopology.DLQ_SINK);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
