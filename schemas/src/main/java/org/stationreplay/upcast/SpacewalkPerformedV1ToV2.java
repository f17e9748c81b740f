package org.stationreplay.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.stationreplay.events.EventType;

/**
 * {@code SpacewalkPerformed} v1 to v2: the integer {@code durationMinutes} becomes the ISO-8601 {@code duration}
 * (413 becomes {@code "PT6H53M"}, as {@link Duration#toString()} writes it), in the same place among the fields;
 * absent stays absent. {@code schemaVersion} becomes 2; every other field is copied unchanged.
 */
public final class SpacewalkPerformedV1ToV2 implements Upcaster {
  @Override
  public EventType type() {
    return EventType.SPACEWALK_PERFORMED;
  }

  @Override
  public int from() {
    return 1;
  }

  @Override
  public ObjectNode upcast(ObjectNode v1) {
    ObjectNode v2 = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : v1.properties()) {
      switch (field.getKey()) {
        case "schemaVersion" -> v2.put("schemaVersion", 2);
        case "durationMinutes" -> v2.put("duration", Duration.ofMinutes(field.getValue().asLong()).toString());
        default -> v2.set(field.getKey(), field.getValue().deepCopy());
      }
    }
    return v2;
  }
}
