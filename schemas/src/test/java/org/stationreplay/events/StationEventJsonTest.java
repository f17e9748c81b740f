package org.stationreplay.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.json.SchemaValidator;

class StationEventJsonTest {
  private final JsonSerde<StationEvent> serde = JsonSerde.of(StationEvent.class);

  static List<StationEvent> samples() {
    return EventSamples.all();
  }

  @Test
  void shouldHaveASampleOfEveryEventType() {
    assertThat(samples().stream().map(EventType::of).collect(Collectors.toSet()))
        .isEqualTo(EnumSet.allOf(EventType.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void shouldRoundTripThroughJson(StationEvent event) {
    byte[] bytes = serde.serialize("t", event);
    assertThat(serde.deserialize("t", bytes)).isEqualTo(event);
    assertThat(EventCodec.read(EventCodec.write(event))).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void shouldValidateAgainstItsSchema(StationEvent event) {
    assertThat(SchemaValidator.get().validateEvent(Json.write(event))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void shouldBeWrittenInTheCurrentVersionOfItsType(StationEvent event) throws Exception {
    EventType type = EventType.of(event);
    assertThat(event.schemaVersion()).isEqualTo(type.currentVersion());
    assertThat(Json.mapper().readTree(EventCodec.write(event)).get("schemaVersion").asInt())
        .isEqualTo(type.currentVersion());
    assertThat(new String(serde.serialize("t", event), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(EventCodec.write(event)).isEqualTo(Json.write(event));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void shouldWriteTheTypeDiscriminatorAndOmitAbsentFields(StationEvent event) throws Exception {
    ObjectNode node = (ObjectNode) Json.mapper().readTree(Json.write(event));
    assertThat(node.get("type").asText()).isEqualTo(event.type());
    assertThat(node.fieldNames()).toIterable().doesNotContain("accept");
    node.properties().forEach(e -> assertThat(e.getValue().isNull()).as(e.getKey()).isFalse());
  }

  @Test
  void shouldRejectAnUnknownTypeInSchemaAndSerde() {
    String json = "{\"id\":\"x\",\"type\":\"StationExploded\",\"time\":\"2000-01-01T00:00:00Z\","
        + "\"schemaVersion\":1,\"source\":{\"title\":\"t\",\"url\":\"https://x\"}}";
    assertThat(SchemaValidator.get().validateEvent(json)).containsExactly("unknown event type 'StationExploded'");
    assertThatThrownBy(() -> serde.deserialize("t", json.getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown event type 'StationExploded'");
  }

  @Test
  void shouldRejectAnEventWithoutSource() {
    String json = "{\"id\":\"x\",\"type\":\"VehicleDeparted\",\"time\":\"2000-01-01T00:00:00Z\","
        + "\"schemaVersion\":1,\"vehicle\":\"Soyuz TM-31\"}";
    assertThat(SchemaValidator.get().validateEvent(json)).anyMatch(m -> m.contains("source"));
    assertThatThrownBy(() -> serde.deserialize("t", json.getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema: ").hasMessageContaining("source");
  }

  @Test
  void shouldRejectAnUnknownAgencyAndALocalTime() {
    String json = "{\"id\":\"x\",\"type\":\"CrewArrived\",\"time\":\"2000-01-01T00:00:00\","
        + "\"schemaVersion\":1,\"source\":{\"title\":\"t\",\"url\":\"https://x\"},\"vehicle\":\"Soyuz\","
        + "\"crew\":[{\"name\":\"A\",\"agency\":\"MARS\",\"role\":\"expedition\"}]}";
    List<String> problems = SchemaValidator.get().validateEvent(json);
    assertThat(problems).anyMatch(m -> m.contains("agency")).anyMatch(m -> m.contains("time"));
  }

  @Test
  void shouldRejectUnexpectedFields() {
    String json = "{\"id\":\"x\",\"type\":\"VehicleDeparted\",\"time\":\"2000-01-01T00:00:00Z\","
        + "\"schemaVersion\":1,\"source\":{\"title\":\"t\",\"url\":\"https://x\"},\"vehicle\":\"V\",\"colour\":1}";
    assertThat(SchemaValidator.get().validateEvent(json)).anyMatch(m -> m.contains("colour"));
  }

  @Test
  void shouldPassNullsThroughTheSerde() {
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @Test
  void shouldReportMalformedJsonAsSerializationException() {
    assertThatThrownBy(() -> serde.deserialize("station.events", "{not json".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("station.events");
  }
}
