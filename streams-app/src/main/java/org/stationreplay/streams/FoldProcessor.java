package org.stationreplay.streams;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
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
  private KeyValueStore<String, StationState> store;
  private VersionedKeyValueStore<String, StationState> history;

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.store = context.getStateStore(StationTopology.STATE_STORE);
    this.history = context.getStateStore(StationTopology.HISTORY_STORE);
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
    StationState current = store.get(record.key());
    StationState next;
    try {
      next = StationFold.apply(current == null ? StationState.EMPTY : current, decoded.event());
    } catch (EventRejectedException e) {
      deadLetter(record, "rejected by the fold: " + e.reason());
      return;
    }
    long time = decoded.event().time().toEpochMilli();
    if (next == current) {
      return; // a clock tick of another replay run: nothing changed
    }
    store.put(record.key(), next);
    if (next.eventsApplied() > 0) { // a run's opening marker empties the station now, not in history
      history.put(record.key(), next, time);
    }
    context.forward(record.withValue((Object) next).withTimestamp(time), StationTopology.STATE_SINK);
  }

  private void deadLetter(Record<String, DecodedEvent> record, String reason) {
    Headers headers = record.headers();
    headers.add(StationTopics.HEADER_DLQ_REASON, bytes(reason));
    context.recordMetadata().ifPresent((RecordMetadata m) -> {
      headers.add(StationTopics.HEADER_DLQ_TOPIC, bytes(m.topic()));
      headers.add(StationTopics.HEADER_DLQ_PARTITION, bytes(String.valueOf(m.partition())));
      headers.add(StationTopics.HEADER_DLQ_OFFSET, bytes(String.valueOf(m.offset())));
    });
    byte[] raw = record.value() == null ? null : record.value().raw();
    context.forward(record.withValue((Object) raw), StationTopology.DLQ_SINK);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
