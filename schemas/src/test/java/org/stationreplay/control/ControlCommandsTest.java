package org.stationreplay.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.stationreplay.json.Json;
import org.stationreplay.json.SchemaValidator;

class ControlCommandsTest {
  @Test
  void shouldReadCommandsAsPeopleWriteThemIntoTheirCanonicalForm() {
    assertThat(ControlCommands.read("{\"command\":\"speed\",\"speed\":86400}"))
        .isEqualTo(new ControlCommand.ChangeSpeed("86400"));
    assertThat(ControlCommands.read("{\"command\":\"speed\",\"speed\":\"1e5\"}"))
        .isEqualTo(new ControlCommand.ChangeSpeed("100000"));
    assertThat(ControlCommands.read("{\"command\":\"speed\",\"speed\":2.5}"))
        .isEqualTo(new ControlCommand.ChangeSpeed("2.5"));
    assertThat(ControlCommands.read("{\"command\":\"speed\",\"speed\":\"MAX\"}"))
        .isEqualTo(new ControlCommand.ChangeSpeed("max"));
    assertThat(ControlCommands.read("{\"command\":\"seek\",\"to\":\"2009-07-17\"}"))
        .isEqualTo(new ControlCommand.Seek(Instant.parse("2009-07-17T00:00:00Z")));
    assertThat(ControlCommands.read("{\"command\":\"loop\",\"enabled\":true}"))
        .isEqualTo(new ControlCommand.SetLoop(true));
    assertThat(ControlCommands.read("{\"command\":\"pause\"}")).isEqualTo(new ControlCommand.Pause());
  }

  @Test
  void shouldWriteOnlyWhatTheControlTopicsSchemaAccepts() {
    for (String body : new String[] {"{\"command\":\"speed\",\"speed\":1.0000001e8}",
        "{\"command\":\"speed\",\"speed\":1}", "{\"command\":\"seek\",\"to\":\"2099-12-31T23:59:59.999Z\"}"}) {
      String json = Json.write(ControlCommands.read(body));
      assertThat(SchemaValidator.get().validate("control-command", json)).as(json).isEmpty();
      assertThat(ControlCommands.read(json)).as("the canonical form reads back the same")
          .isEqualTo(ControlCommands.read(body));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"command":"speed","speed":1e308}              | speed must be from 1 (real time) to 1e9
      {"command":"speed","speed":-5}                 | speed must be from 1 (real time) to 1e9
      {"command":"speed","speed":0}                  | speed must be from 1 (real time) to 1e9
      {"command":"speed","speed":99999999999999999999999} | speed must be from 1 (real time) to 1e9
      {"command":"speed","speed":"NaN"}              | speed must be a number of historical seconds per second
      {"command":"speed","speed":"Infinity"}         | speed must be a number of historical seconds per second
      {"command":"speed","speed":1e400}              | speed must be a number of historical seconds per second
      {"command":"speed","speed":true}               | speed must be a number of historical seconds per second or "max"; was boolean true
      {"command":"speed"}                            | 'speed' needs "speed"
      {"command":"speed","speed":null}               | 'speed' needs "speed"
      {"command":"seek","to":"3000-01-01"}           | 3000-01-01T00:00:00Z is outside 1998-2099
      {"command":"seek","to":"1066-10-14"}           | 1066-10-14T00:00:00Z is outside 1998-2099
      {"command":"seek","to":"yesterday"}            | "to" must be a date such as "2009-07-17"
      {"command":"seek","to":20090717}               | 'seek' needs "to"
      {"command":"loop","enabled":"yes"}             | 'loop' needs "enabled": true or false; was 'yes'
      {"command":"jump"}                             | unknown command 'jump': use one of pause, resume, speed, seek, restart, loop
      {"command":42}                                 | "command" must be one of pause, resume, speed, seek, restart, loop
      {"speed":86400}                                | "command" must be one of
      {"command":"pause","speed":1}                  | 'pause' takes no field "speed"
      {"command":"seek","to":"2009-07-17","speed":1} | 'seek' takes no field "speed" (only to)
      [1,2,3]                                        | a command is a JSON object
      {"command":                                    | the body is not JSON
      """)
  void shouldRefuseANonsensicalCommandInOneSentenceAboutIt(String body, String message) {
    assertThatThrownBy(() -> ControlCommands.read(body))
        .isInstanceOf(ControlCommands.InvalidCommandException.class)
        .hasMessageContaining(message.strip())
        .satisfies(e -> assertThat(e.getMessage()).as("one sentence, not a list of schema branches")
            .doesNotContain("oneOf").doesNotContain("must be the constant").doesNotContain("\n"));
  }

  @Test
  void shouldRefuseEmptyAndHugeBodiesWithoutEchoingThem() {
    assertThatThrownBy(() -> ControlCommands.read("")).hasMessageContaining("the body is empty");
    assertThatThrownBy(() -> ControlCommands.read(null)).hasMessageContaining("the body is empty");
    String huge = "{\"command\":\"" + "x".repeat(100_000) + "\"}";
    assertThatThrownBy(() -> ControlCommands.read(huge)).hasMessageContaining("at most 1024")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    assertThatThrownBy(() -> ControlCommands.read("{\"command\":\"" + "\u00e9\u2603\u0000".repeat(100) + "\"}"))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\u0000"));
  }

  @Test
  void shouldCheckCommandsReadFromTheControlTopicByTheSameRules() {
    assertThatThrownBy(() -> ControlCommands.check(new ControlCommand.ChangeSpeed("1e308")))
        .hasMessageContaining("speed must be from 1");
    assertThatThrownBy(() -> ControlCommands.check(new ControlCommand.Seek(Instant.parse("+10000-01-01T00:00:00Z"))))
        .hasMessageContaining("outside 1998-2099");
    assertThat(ControlCommands.check(new ControlCommand.Restart())).isEqualTo(new ControlCommand.Restart());
  }
}
