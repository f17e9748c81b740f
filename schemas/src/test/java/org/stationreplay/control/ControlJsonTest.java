package org.stationreplay.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.json.SchemaValidator;

class ControlJsonTest {
  static List<ControlCommand> commands() {
    return List.of(new ControlCommand.Pause(), new ControlCommand.Resume(), new ControlCommand.ChangeSpeed("86400"),
        new ControlCommand.ChangeSpeed("max"), new ControlCommand.Seek(Instant.parse("2009-07-17T00:00:00Z")),
        new ControlCommand.Restart(), new ControlCommand.SetLoop(true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void shouldRoundTripAndValidateEveryCommand(ControlCommand command) {
    String json = Json.write(command);
    assertThat(SchemaValidator.get().validate("control-command", json)).isEmpty();
    assertThat(JsonSerde.of(ControlCommand.class).deserialize("t", json.getBytes())).isEqualTo(command);
  }

  @Test
  void shouldWriteTheCommandAsItsTypeProperty() {
    assertThat(Json.write(new ControlCommand.SetLoop(false))).isEqualTo("{\"command\":\"loop\",\"enabled\":false}");
    assertThat(Json.write(new ControlCommand.Pause())).isEqualTo("{\"command\":\"pause\"}");
  }

  @Test
  void shouldRejectUnknownCommandsAndMissingArguments() {
    assertThat(SchemaValidator.get().validate("control-command", "{\"command\":\"explode\"}")).isNotEmpty();
    assertThat(SchemaValidator.get().validate("control-command", "{\"command\":\"seek\"}")).isNotEmpty();
    assertThatThrownBy(() -> JsonSerde.of(ControlCommand.class).deserialize("t", "{\"command\":\"seek\"}".getBytes()))
        .hasMessageContaining("to");
  }

  @Test
  void shouldRoundTripAndValidateTheStatus() {
    ReplayStatus status = new ReplayStatus("ISS", ReplayStatus.State.PAUSED, "604800",
        Instant.parse("2009-07-17T12:00:00Z"), Instant.parse("1998-11-20T06:40:00Z"),
        Instant.parse("2021-11-02T12:00:00Z"), 512, 1076, false, 0.4, Instant.parse("2026-11-26T06:00:00Z"), null);
    String json = Json.write(status);
    assertThat(SchemaValidator.get().validate("replay-status", json)).isEmpty();
    assertThat(JsonSerde.of(ReplayStatus.class).deserialize("t", json.getBytes())).isEqualTo(status);
  }
}
