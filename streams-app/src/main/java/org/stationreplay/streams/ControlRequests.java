package org.stationreplay.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.stationreplay.control.ControlCommand;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonErrors;
import org.stationreplay.json.SchemaValidator;
import org.stationreplay.time.TimeArgs;

/**
 * Reads a command posted to {@code /api/control}. People write {@code "speed": 86400} and {@code "to":
 * "2009-07-17"}; the control log holds the canonical form ({@code "86400"}, an instant), checked against
 * {@code control-command.schema.json}.
 */
final class ControlRequests {
  private ControlRequests() {}

  static ControlCommand parse(String body) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed JSON: " + JsonErrors.describe(e));
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object such as {\"command\":\"pause\"}");
    }
    ObjectNode command = ((ObjectNode) node).deepCopy();
    if (command.path("speed").isNumber()) {
      command.put("speed", command.get("speed").asText());
    }
    if (command.path("to").isTextual()) {
      command.put("to", TimeArgs.startOf(command.get("to").asText()).toString());
    }
    String json = Json.write(command);
    List<String> problems = SchemaValidator.get().validate("control-command", json);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("not a replay command (pause, resume, speed, seek, restart, loop): "
          + String.join("; ", problems));
    }
    try {
      return Json.mapper().readValue(json, ControlCommand.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(JsonErrors.describe(e));
    }
  }
}
