package org.stationreplay.workshop.lab06;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import org.stationreplay.events.EventType;
import org.stationreplay.upcast.Upcaster;

/** Lab 6, a reference solution. */
public final class SpacewalkUpcaster implements Upcaster {
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
    // A new document: the old one is the log's, and stays as it was.
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
