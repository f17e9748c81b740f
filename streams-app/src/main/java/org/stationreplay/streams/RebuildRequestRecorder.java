package org.stationreplay.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps, for each projection named on {@code station.projection-rebuilds}, the offset of its latest request: a
 * request is known by its place in the log, never by a clock or a random id. Every task of the fold sees the same
 * global store and rebuilds its own partition once per request.
 */
final class RebuildRequestRecorder implements Processor<String, byte[], Void, Void> {
  private KeyValueStore<String, Long> store;
  private ProcessorContext<Void, Void> context;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    this.store = context.getStateStore(StationTopology.REBUILDS_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    context.recordMetadata().ifPresent(m -> store.put(record.key(), m.offset()));
  }
}
