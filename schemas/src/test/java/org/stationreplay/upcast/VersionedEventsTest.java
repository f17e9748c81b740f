package org.stationreplay.upcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.stationreplay.events.EventSamples;
import org.stationreplay.events.EventType;
import org.stationreplay.events.Source;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.InvalidEventException;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.json.SchemaValidator;

/** Versioned events: each version validates against its own schema, old ones are upcast, unknown ones refused. */
class VersionedEventsTest {
  /** A spacewalk of the bundled history (shortened), in version 1 as the history file writes it. */
  static final String V1 = "{\"id\":\"2009-07-20-spacewalk-wolf-marshburn\",\"type\":\"SpacewalkPerformed\","
      + "\"time\":\"2009-07-20T14:27:00Z\",\"schemaVersion\":1,\"source\":{\"title\":\"STS-127 Crew Completes "
      + "Second Spacewalk\",\"url\":\"http://daily-allnews.blogspot.com/2009/07/"
      + "sts-127-crew-completes-second-spacewalk.html\"},"
      + "\"crew\":[\"David A. Wolf\",\"Thomas Marshburn\"],\"durationMinutes\":413,\"designation\":\"STS-127 EVA 2\","
      + "\"airlock\":\"Quest\",\"purpose\":\"Transfer spares to ESP-3\",\"notes\":\"6 h 53 min.\"}";

  static final SpacewalkPerformed EXPECTED = new SpacewalkPerformed("2009-07-20-spacewalk-wolf-marshburn",
      Instant.parse("2009-07-20T14:27:00Z"), 2, new Source("STS-127 Crew Completes Second Spacewalk",
          "http://daily-allnews.blogspot.com/2009/07/sts-127-crew-completes-second-spacewalk.html"), null,
      "6 h 53 min.", List.of("David A. Wolf", "Thomas Marshburn"), Duration.ofMinutes(413), "STS-127 EVA 2", "Quest",
      "Transfer spares to ESP-3");

  private final SchemaValidator schemas = SchemaValidator.get();

  private static ObjectNode doc(String json) {
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode v1() {
    return doc(V1);
  }

  // --- the versions and their schemas

  @Test
  void shouldHaveVersion2OfSpacewalksOnlyAndTheEnvelopeDefaultForEveryOtherType() {
    assertThat(EventType.SPACEWALK_PERFORMED.currentVersion()).isEqualTo(2);
    for (EventType t : EventType.values()) {
      if (t != EventType.SPACEWALK_PERFORMED) {
        assertThat(t.currentVersion()).as(t.wireName()).isEqualTo(StationEvent.CURRENT_SCHEMA_VERSION);
      }
    }
    assertThat(EventType.SPACEWALK_PERFORMED.schemaPath(1)).isEqualTo("events/SpacewalkPerformed.schema.json");
    assertThat(EventType.SPACEWALK_PERFORMED.schemaPath(2)).isEqualTo("events/SpacewalkPerformed.v2.schema.json");
  }

  static Stream<Arguments> everyVersionOfEveryType() {
    List<Arguments> all = new ArrayList<>();
    for (EventType t : EventType.values()) {
      for (int v = 1; v <= t.currentVersion(); v++) {
        all.add(Arguments.of(t, v));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} v{1}")
  @MethodSource("everyVersionOfEveryType")
  void shouldHaveOneSchemaFilePerVersionThatAcceptsOnlyThatVersion(EventType type, int version) throws Exception {
    String path = type.schemaPath(version);
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("schemas/" + path)) {
      assertThat(in).as(path).isNotNull();
      JsonNode schema = Json.mapper().readTree(in);
      assertThat(schema.get("$id").asText()).isEqualTo(SchemaValidator.BASE_URI + path);
      assertThat(schema.at("/properties/type/const").asText()).isEqualTo(type.wireName());
      assertThat(schema.at("/properties/schemaVersion/const").asInt()).isEqualTo(version);
    }
  }

  @Test
  void shouldValidateAVersion1DocumentAgainstVersion1AndNotVersion2() {
    assertThat(schemas.validateEvent(v1())).isEmpty();
    ObjectNode relabelled = v1().put("schemaVersion", 2);
    assertThat(schemas.validateEvent(relabelled)).anyMatch(m -> m.contains("durationMinutes"));
  }

  @Test
  void shouldValidateAVersion2DocumentAgainstVersion2AndNotVersion1() {
    ObjectNode v2 = doc(EventCodec.write(EXPECTED));
    assertThat(schemas.validateEvent(v2)).isEmpty();
    assertThat(schemas.validateEvent(v2.deepCopy().put("schemaVersion", 1))).anyMatch(m -> m.contains("duration"));
    assertThat(schemas.validateEvent(v2.deepCopy().put("durationMinutes", 413)))
        .anyMatch(m -> m.contains("durationMinutes"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT6H53M", "PT0S", "PT45M", "PT7H", "P1DT2H", "PT8.5S", "PT6H53M12S", "PT30H"})
  void shouldAcceptIsoDurations(String duration) {
    ObjectNode v2 = doc(EventCodec.write(EXPECTED)).put("duration", duration);
    assertThat(schemas.validateEvent(v2)).isEmpty();
    assertThat(((SpacewalkPerformed) EventCodec.read(v2)).duration()).isEqualTo(Duration.parse(duration));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6h53m", "413", "P", "PT", "P1Y", "P1M", "-PT5M", "PT-5M", "pt6h53m", "PT6H53M "})
  void shouldRejectWhatIsNotANonNegativeIsoDuration(String duration) {
    ObjectNode v2 = doc(EventCodec.write(EXPECTED)).put("duration", duration);
    assertThat(schemas.validateEvent(v2)).anyMatch(m -> m.contains("duration"));
  }

  @Test
  void shouldRejectANegativeDurationInMemory() {
    assertThatThrownBy(() -> new SpacewalkPerformed("x", Instant.EPOCH, 2, EXPECTED.source(), null, null,
        List.of("A"), Duration.ofMinutes(-1), null, null, null))
        .hasMessageContaining("'duration' must not be negative");
  }

  // --- unknown versions

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 99})
  void shouldRejectAVersionSpacewalksDoNotHave(int version) {
    String message = "unknown schemaVersion " + version + " for SpacewalkPerformed";
    assertThat(schemas.validateEvent(v1().put("schemaVersion", version))).containsExactly(message);
    assertThatThrownBy(() -> EventCodec.read(v1().put("schemaVersion", version)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("schema: " + message)
        .satisfies(e -> assertThat(((InvalidEventException) e).stage())
            .isEqualTo(InvalidEventException.Stage.SCHEMA));
    assertThatThrownBy(() -> JsonSerde.of(StationEvent.class).deserialize("station.events",
        Json.write(v1().put("schemaVersion", version)).getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(message);
  }

  @Test
  void shouldRejectVersion2OfATypeThatOnlyHasVersion1() {
    String tick = "{\"id\":\"tick-1\",\"type\":\"ClockTicked\",\"time\":\"2009-07-18T00:00:00Z\",\"schemaVersion\":2,"
        + "\"source\":{\"title\":\"t\",\"url\":\"urn:x\"},\"run\":\"r\"}";
    assertThat(schemas.validateEvent(tick)).containsExactly("unknown schemaVersion 2 for ClockTicked");
    assertThat(schemas.validateEvent(tick.replace("\"schemaVersion\":2", "\"schemaVersion\":1"))).isEmpty();
  }

  @Test
  void shouldRejectAMissingOrNonIntegerVersion() {
    ObjectNode missing = v1();
    missing.remove("schemaVersion");
    assertThat(schemas.validateEvent(missing)).singleElement().asString().contains("schemaVersion");
    assertThat(schemas.validateEvent(v1().put("schemaVersion", "2"))).singleElement().asString()
        .contains("schemaVersion");
    assertThat(schemas.validateEvent(v1().put("schemaVersion", 1.5))).singleElement().asString()
        .contains("schemaVersion");
  }

  // --- the upcaster chain

  @Test
  void shouldHaveOneStepForEveryVersionBelowTheCurrentAndNoneAbove() {
    for (EventType t : EventType.values()) {
      for (int v = 1; v < t.currentVersion(); v++) {
        assertThat(Upcasters.step(t, v)).as(t.wireName() + " v" + v).isPresent();
      }
      assertThat(Upcasters.step(t, t.currentVersion())).as(t.wireName()).isEmpty();
    }
    assertThat(Upcasters.all())
        .hasSize(java.util.Arrays.stream(EventType.values()).mapToInt(t -> t.currentVersion() - 1).sum());
  }

  @Test
  void shouldUpcastSpacewalkMinutesToAnIsoDurationAndKeepEveryOtherField() {
    ObjectNode before = v1();
    ObjectNode v2 = new SpacewalkPerformedV1ToV2().upcast(before);

    assertThat(v2.get("duration").asText()).isEqualTo("PT6H53M");
    assertThat(v2.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(v2.has("durationMinutes")).isFalse();
    ObjectNode rest = v2.deepCopy();
    rest.remove(List.of("duration", "schemaVersion"));
    ObjectNode restBefore = v1();
    restBefore.remove(List.of("durationMinutes", "schemaVersion"));
    assertThat(rest).isEqualTo(restBefore);
    assertThat(v2.fieldNames()).toIterable().containsExactly("id", "type", "time", "schemaVersion", "source", "crew",
        "duration", "designation", "airlock", "purpose", "notes");
    assertThat(schemas.validateEvent(v2)).isEmpty();
    assertThat(before).as("the upcaster is pure").isEqualTo(v1());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 59, 60, 413, 441, 1440, 1505})
  void shouldConvertAnyNumberOfMinutes(int minutes) {
    ObjectNode v2 = new SpacewalkPerformedV1ToV2().upcast(v1().put("durationMinutes", minutes));
    assertThat(Duration.parse(v2.get("duration").asText())).isEqualTo(Duration.ofMinutes(minutes));
    assertThat(schemas.validateEvent(v2)).isEmpty();
  }

  @Test
  void shouldLeaveAnUnknownDurationUnknown() {
    ObjectNode noDuration = v1();
    noDuration.remove("durationMinutes");
    ObjectNode v2 = Upcasters.toCurrent(EventType.SPACEWALK_PERFORMED, noDuration);
    assertThat(v2.has("duration")).isFalse();
    assertThat(v2.has("durationMinutes")).isFalse();
    assertThat(((SpacewalkPerformed) EventCodec.read(noDuration)).duration()).isNull();
  }

  @Test
  void shouldLeaveACurrentDocumentAsItIs() {
    ObjectNode v2 = doc(EventCodec.write(EXPECTED));
    assertThat(Upcasters.toCurrent(EventType.SPACEWALK_PERFORMED, v2)).isSameAs(v2);
  }

  // --- reading and writing through the codec

  @Test
  void shouldReadAVersion1DocumentAsTheVersion2Record() {
    assertThat(EventCodec.read(V1)).isEqualTo(EXPECTED);
    assertThat(EventCodec.read(V1.getBytes(StandardCharsets.UTF_8))).isEqualTo(EXPECTED);
    assertThat(JsonSerde.of(StationEvent.class).deserialize("t", V1.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(EXPECTED);
    assertThat(JsonSerde.of(SpacewalkPerformed.class).deserialize("t", V1.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(EXPECTED);
  }

  @Test
  void shouldWriteVersion2() throws Exception {
    JsonNode written = Json.mapper().readTree(EventCodec.write(EventCodec.read(V1)));
    assertThat(written.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(written.get("duration").asText()).isEqualTo("PT6H53M");
    assertThat(written.has("durationMinutes")).isFalse();
    assertThat(schemas.validateEvent(written)).isEmpty();
    assertThat(EventCodec.read(written)).isEqualTo(EXPECTED);
  }

  @Test
  void shouldNotLetAnOldDocumentBecomeARecordWithoutTheUpcasters() {
    assertThatThrownBy(() -> Json.mapper().readValue(V1, StationEvent.class))
        .hasMessageContaining("a SpacewalkPerformed in memory is schemaVersion 2, was 1");
    assertThatThrownBy(() -> new SpacewalkPerformed("x", Instant.EPOCH, 1, EXPECTED.source(), null, null,
        List.of("A"), null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNameTheStepThatRefusedADocument() {
    assertThatThrownBy(() -> EventCodec.read("{not json")).isInstanceOf(InvalidEventException.class)
        .hasMessageStartingWith("malformed JSON: ");
    assertThatThrownBy(() -> EventCodec.read("[1]")).isInstanceOf(InvalidEventException.class)
        .hasMessage("expected a JSON object, found ARRAY");
    assertThatThrownBy(() -> EventCodec.read(new byte[0])).isInstanceOf(InvalidEventException.class)
        .hasMessage("expected a JSON object, found nothing");
    assertThatThrownBy(() -> EventCodec.read(V1.replace("\"time\"", "\"tiem\""))).isInstanceOf(
        InvalidEventException.class).hasMessageStartingWith("schema: ");
    assertThatThrownBy(() -> JsonSerde.of(SpacewalkPerformed.class).deserialize("t",
        EventCodec.writeBytes(EventSamples.all().get(0))))
        .isInstanceOf(SerializationException.class).hasMessageContaining("found a ElementAttached");
  }

  // --- the dispatching schema, station-event.schema.json

  private static JsonSchema stationEventSchema() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        builder -> builder.schemaMappers(m -> m.mapPrefix(SchemaValidator.BASE_URI, "classpath:schemas/")));
    return factory.getSchema(SchemaLocation.of(SchemaValidator.BASE_URI + "station-event.schema.json"),
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
  }

  @Test
  void shouldDispatchOnTypeAndVersionInTheStationEventSchema() {
    JsonSchema schema = stationEventSchema();
    for (StationEvent e : EventSamples.all()) {
      assertThat(schema.validate(EventCodec.write(e), InputFormat.JSON)).as(e.type()).isEmpty();
    }
    assertThat(schema.validate(V1, InputFormat.JSON)).isEmpty();
    assertThat(schema.validate(Json.write(v1().put("schemaVersion", 3)), InputFormat.JSON)).isNotEmpty();
    assertThat(schema.validate(Json.write(v1().put("schemaVersion", 2)), InputFormat.JSON)).isNotEmpty();
    assertThat(schema.validate(Json.write(doc(EventCodec.write(EXPECTED)).put("schemaVersion", 1)),
        InputFormat.JSON)).isNotEmpty();
    String tick2 = EventCodec.write(EventSamples.all().get(EventSamples.all().size() - 1))
        .replace("\"schemaVersion\":1", "\"schemaVersion\":2");
    assertThat(schema.validate(tick2, InputFormat.JSON)).isNotEmpty();
  }
}
