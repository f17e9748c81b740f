package org.stationreplay.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The event log as a TopologyTestDriver test pipes it: one partition, offsets from 0 in the order records are
 * piped, every one processed (the committed offset is the end). What {@link KafkaEventLog} reads from a broker.
 */
final class RecordingEventLog implements EventLog {
  private final String topic;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

  RecordingEventLog(String topic) {
    this.topic = topic;
  }

  void piped(String key, byte[] value) {
    records.add(new ConsumerRecord<>(topic, 0, records.size(), key, value));
  }

  @Override
  public Reader open(int partition, long from) {
    return new Reader() {
      private long position = from;

      @Override
      public List<ConsumerRecord<String, byte[]>> next(long until, int max) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        while (out.size() < max && position < Math.min(until, records.size())) {
          out.add(records.get((int) position++));
        }
        return out;
      }

      @Override
      public long position() {
        return position;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public long end(int partition) {
    return records.size();
  }

  @Override
  public OptionalLong committed(String groupId, int partition) {
    return OptionalLong.of(records.size());
  }
}
