package org.stationreplay.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Stream time is event time: the {@code time} inside the event, whatever timestamp a writer put on the record. A record that is neither keeps its record timestamp (or the partition time if it has none); it
 * goes to the dead-letter topic anyway.
 */
public final class EventTimeExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof DecodedEvent decoded && decoded.isValid()) {
      return decoded.event().time().toEpochMilli();
    }
    return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
  }
}
