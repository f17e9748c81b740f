package org.stationreplay.json;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.stationreplay.events.StationEvent;

/**
 * The one JSON serde for every topic. Null-safe both ways: a tombstone (null value) stays null, so compacted
 * topics can be read without special cases. For events ({@code JsonSerde.of(StationEvent.class)}) it reads
 * through {@link EventCodec}: every record is validated against the schema of its version and upcast to the
 * current one before it becomes a record.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
  private final Class<T> type;
  private final ObjectReader reader;
  private final ObjectWriter writer;
  private final boolean events;

  public JsonSerde(Class<T> type) {
    this.type = type;
    this.reader = Json.mapper().readerFor(type);
    this.writer = Json.mapper().writerFor(type);
    this.events = StationEvent.class.isAssignableFrom(type);
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type);
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      return writer.writeValueAsBytes(data);
    } catch (IOException e) {
      throw new SerializationException("cannot encode " + type.getSimpleName() + " for topic " + topic, e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (events) {
      return readEvent(topic, data);
    }
    try {
      return reader.readValue(data);
    } catch (IOException e) {
      throw new SerializationException(
          "cannot decode " + type.getSimpleName() + " from topic " + topic + ": " + JsonErrors.describe(e), e);
    }
  }

  private T readEvent(String topic, byte[] data) {
    StationEvent event;
    try {
      event = EventCodec.read(data);
    } catch (InvalidEventException e) {
      throw new SerializationException(
          "cannot decode " + type.getSimpleName() + " from topic " + topic + ": " + e.getMessage(), e);
    }
    if (!type.isInstance(event)) {
      throw new SerializationException("cannot decode " + type.getSimpleName() + " from topic " + topic
          + ": found a " + event.type());
    }
    return type.cast(event);
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

  @Override
  public void close() {}

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }
}
