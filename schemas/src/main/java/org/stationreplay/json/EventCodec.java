package org.stationreplay.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.stationreplay.events.EventType;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.InvalidEventException.Stage;
import org.stationreplay.upcast.Upcasters;

/**
 * The one way events are read and written; every reader (history files, the Kafka record decoder,
 * {@code JsonSerde<StationEvent>}) goes through it, so none can skip a step. Reading a document:
 * <ol>
 *   <li>parse the JSON;</li>
 *   <li>validate it against the schema of its type <em>and its own version</em>
 *       ({@link SchemaValidator#validateEvent}): an old version is as valid as it ever was, an unknown one is
 *       refused;</li>
 *   <li>upcast it, one explicit step at a time, to its type's current version ({@link Upcasters});</li>
 *   <li>bind it to the record, which has the current shape.</li>
 * </ol>
 * Writing emits the record as it is: the current version of its type ({@link EventType#currentVersion()}).
 * Thread-safe.
 */
public final class EventCodec {
  private static final ObjectReader READER = Json.mapper().readerFor(StationEvent.class);
  private static final ObjectWriter WRITER = Json.mapper().writerFor(StationEvent.class);

  private EventCodec() {}

  /**
   * An event from its JSON bytes (UTF-8). A document of its type's current version that is certainly valid is bound
   * at once ({@link StrictEventReader}); any other goes through the steps above.
   */
  public static StationEvent read(byte[] json) {
    StationEvent fast = StrictEventReader.tryRead(json);
    if (fast != null) {
      return fast;
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw malformed(e);
    }
    return read(node);
  }

  /** An event from its JSON text. */
  public static StationEvent read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  /** An event from a parsed document, which is left as it was. */
  public static StationEvent read(JsonNode document) {
    return bind(current(document));
  }

  /**
   * The document validated against its own version and brought to its type's current version: what
   * {@link #read(JsonNode)} binds. The argument is left as it was.
   */
  public static ObjectNode current(JsonNode document) {
    if (document == null || document.isMissingNode() || !document.isObject()) {
      String found = document == null || document.isMissingNode() ? "nothing" : document.getNodeType().toString();
      throw new InvalidEventException(Stage.NOT_AN_OBJECT, List.of(), "expected a JSON object, found " + found,
          null);
    }
    List<String> problems = SchemaValidator.get().validateEvent(document);
    if (!problems.isEmpty()) {
      throw new InvalidEventException(Stage.SCHEMA, problems, "schema: " + String.join("; ", problems), null);
    }
    EventType type = EventType.fromWireName(document.get("type").asText()).orElseThrow();
    return Upcasters.toCurrent(type, (ObjectNode) document);
  }

  /** The event as a JSON document of its type's current version. */
  public static String write(StationEvent event) {
    try {
      return WRITER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #write} as UTF-8 bytes. */
  public static byte[] writeBytes(StationEvent event) {
    return write(event).getBytes(StandardCharsets.UTF_8);
  }

  private static StationEvent bind(ObjectNode current) {
    try {
      return READER.readValue(current);
    } catch (IOException | IllegalArgumentException e) {
      String reason = JsonErrors.describe(e);
      throw new InvalidEventException(Stage.BINDING, List.of(reason), reason, e);
    }
  }

  private static InvalidEventException malformed(IOException e) {
    String reason = JsonErrors.describe(e);
    return new InvalidEventException(Stage.MALFORMED_JSON, List.of(reason), "malformed JSON: " + reason, e);
  }
}
