package org.stationreplay.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonErrors;
import org.stationreplay.json.SchemaValidator;

/** Decodes and validates event records against the contract; never throws. */
public final class EventDecoder implements Deserializer<DecodedEvent> {
  private static final ObjectReader EVENT_READER = Json.mapper().readerFor(StationEvent.class);
  private final SchemaValidator schemas = SchemaValidator.get();

  @Override
  public DecodedEvent deserialize(String topic, byte[] data) {
    if (data == null) {
      return DecodedEvent.invalid(null, "empty record (null value)");
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(data);
    } catch (IOException e) {
      return DecodedEvent.invalid(data, "malformed JSON: " + JsonErrors.describe(e));
    }
    if (node == null || !node.isObject()) {
      return DecodedEvent.invalid(data, "not a JSON object");
    }
    List<String> problems = schemas.validateEvent(node);
    if (!problems.isEmpty()) {
      return DecodedEvent.invalid(data, "schema: " + String.join("; ", problems));
    }
    try {
      return DecodedEvent.valid(data, EVENT_READER.readValue(node));
    } catch (IOException | IllegalArgumentException e) {
      return DecodedEvent.invalid(data, JsonErrors.describe(e));
    }
  }
}
