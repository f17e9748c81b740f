package org.stationreplay.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stationreplay.events.EventType;

/**
 * Validates JSON documents against the contract in {@code schemas/}: an event against the schema of its
 * {@code type} and {@code schemaVersion} (every version a type has had stays here), a state document against
 * the state schema. Thread-safe; build it once.
 */
public final class SchemaValidator {
  public static final String BASE_URI = "https://stationreplay.org/schemas/";

  /** Per type, the schema of each version it has: index 0 is version 1. */
  private final Map<EventType, List<JsonSchema>> eventSchemas = new EnumMap<>(EventType.class);
  private final JsonSchema stateSchema;
  private final JsonSchema envelopeSchema;
  private final Map<String, JsonSchema> documentSchemas = new java.util.HashMap<>();
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  /** Schemas found by path on demand: one per projection, wherever its module keeps it on the classpath. */
  private final Map<String, JsonSchema> byPath = new java.util.concurrent.ConcurrentHashMap<>();

  private SchemaValidator() {
    factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        builder -> builder.schemaMappers(m -> m.mapPrefix(BASE_URI, "classpath:schemas/")));
    config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    for (EventType type : EventType.values()) {
      List<JsonSchema> versions = new java.util.ArrayList<>();
      for (int v = 1; v <= type.currentVersion(); v++) {
        versions.add(factory.getSchema(SchemaLocation.of(BASE_URI + type.schemaPath(v)), config));
      }
      eventSchemas.put(type, List.copyOf(versions));
    }
    stateSchema = factory.getSchema(SchemaLocation.of(BASE_URI + "station-state.schema.json"), config);
    envelopeSchema = factory.getSchema(SchemaLocation.of(BASE_URI + "event-envelope.schema.json"), config);
    for (String name : List.of("control-command", "replay-status")) {
      documentSchemas.put(name, factory.getSchema(SchemaLocation.of(BASE_URI + name + ".schema.json"), config));
    }
    documentSchemas.values().forEach(JsonSchema::initializeValidators);
    eventSchemas.values().forEach(versions -> versions.forEach(JsonSchema::initializeValidators));
    stateSchema.initializeValidators();
    envelopeSchema.initializeValidators();
  }

  private static final class Holder {
    static final SchemaValidator INSTANCE = new SchemaValidator();
  }

  public static SchemaValidator get() {
    return Holder.INSTANCE;
  }

  /**
   * Problems with an event document; empty if it is valid. The document is checked against the schema of its
   * own version, so an old version is as valid as it ever was; a version its type does not have is refused
   * ("unknown schemaVersion 3 for SpacewalkPerformed").
   */
  public List<String> validateEvent(JsonNode event) {
    JsonNode type = event.path("type");
    if (!type.isTextual()) {
      List<String> envelope = messages(envelopeSchema.validate(event));
      return envelope.isEmpty() ? List.of("missing 'type'") : envelope;
    }
    Optional<EventType> known = EventType.fromWireName(type.asText());
    if (known.isEmpty()) {
      return List.of("unknown event type '" + type.asText() + "'");
    }
    EventType t = known.get();
    JsonNode version = event.path("schemaVersion");
    if (!version.isIntegralNumber()) {
      List<String> envelope = messages(envelopeSchema.validate(event));
      return envelope.isEmpty() ? List.of("schemaVersion must be a whole number, was " + version) : envelope;
    }
    if (!version.canConvertToInt() || !t.hasVersion(version.intValue())) {
      return List.of("unknown schemaVersion " + version.asText() + " for " + t.wireName());
    }
    return messages(eventSchemas.get(t).get(version.intValue() - 1).validate(event));
  }

  public List<String> validateEvent(String json) {
    try {
      return validateEvent(Json.mapper().readTree(json));
    } catch (java.io.IOException e) {
      return List.of("malformed JSON: " + JsonErrors.describe(e));
    }
  }

  /** Problems with a document of {@code control-command} or {@code replay-status}. */
  public List<String> validate(String schema, String json) {
    JsonSchema s = documentSchemas.get(schema);
    if (s == null) {
      throw new IllegalArgumentException("no schema " + schema);
    }
    return messages(s.validate(json, InputFormat.JSON));
  }

  /**
   * Problems with a document against the schema at {@code path} under the schema root ({@code schemas/} on the
   * classpath), e.g. {@code projections/crew.schema.json}; empty if it is valid.
   *
   * @throws IllegalArgumentException if there is no schema there
   */
  public List<String> validateAgainst(String path, JsonNode document) {
    JsonSchema schema = byPath.computeIfAbsent(path, p -> {
      if (SchemaValidator.class.getClassLoader().getResource("schemas/" + p) == null) {
        throw new IllegalArgumentException("no schema schemas/" + p + " on the classpath");
      }
      JsonSchema s = factory.getSchema(SchemaLocation.of(BASE_URI + p), config);
      s.initializeValidators();
      return s;
    });
    return messages(schema.validate(document));
  }

  /** Problems with a state document; empty if it is valid. */
  public List<String> validateState(String json) {
    return messages(stateSchema.validate(json, InputFormat.JSON));
  }

  private static List<String> messages(Set<ValidationMessage> errors) {
    return errors.stream().map(SchemaValidator::describe).sorted().distinct().toList();
  }

  /** Names the offending value for enumerations ("unknown agency 'MARS'"), the validator's text otherwise. */
  private static String describe(ValidationMessage m) {
    if ("enum".equals(m.getType()) && m.getInstanceNode() != null && m.getInstanceNode().isTextual()) {
      String path = m.getInstanceLocation().toString();
      String field = path.substring(path.lastIndexOf('/') + 1);
      return path + ": unknown " + field + " '" + m.getInstanceNode().asText() + "'";
    }
    return m.getMessage();
  }
}
