package org.stationreplay.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.InvalidEventException;

/**
 * Decodes event records through {@link EventCodec}: validated against the schema of their type and version, upcast
 * to the current version, bound. Never throws: a record that is not an event becomes an invalid
 * {@link DecodedEvent} with the reason.
 */
public final class EventDecoder implements Deserializer<DecodedEvent> {
  @Override
  public DecodedEvent deserialize(String topic, byte[] data) {
    if (data == null) {
      return DecodedEvent.invalid(null, "empty record (null value)");
    }
    try {
      return DecodedEvent.valid(data, EventCodec.read(data));
    } catch (InvalidEventException e) {
      return DecodedEvent.invalid(data, e.getMessage());
    } catch (RuntimeException e) {
      return DecodedEvent.invalid(data, "cannot decode: " + e);
    }
  }
}
