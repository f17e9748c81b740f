package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stationreplay.json.Json;
import org.stationreplay.json.SchemaValidator;
import org.stationreplay.state.StationState;
import picocli.CommandLine;

class StationCliTest {
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  static synchronized Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = StationCli.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void shouldPrintTheStateOnExpedition1DayAsSchemaValidJson() throws Exception {
    Run r = run("state", "--at", "2000-11-02");
    assertThat(r.exitCode()).isZero();
    assertThat(SchemaValidator.get().validateState(r.out())).isEmpty();
    StationState s = Json.mapper().readValue(r.out(), StationState.class);
    assertThat(s.asOf()).hasToString("2000-11-02T23:59:59.999Z");
    assertThat(s.expedition()).isEqualTo(1);
    assertThat(s.expeditionCrew()).isEqualTo(3);
    assertThat(s.continuousOccupancyDays()).isZero();
    assertThat(s.crew()).extracting(p -> p.name())
        .containsExactlyInAnyOrder("William Shepherd", "Yuri Gidzenko", "Sergei Krikalev");
  }

  @Test
  void shouldPrintOneProjectionOrSayWhichExist() throws Exception {
    Run r = run("state", "--at", "2001-12-31", "--projection", "spacewalk-time");
    assertThat(r.exitCode()).as(r.err()).isZero();
    com.fasterxml.jackson.databind.JsonNode v = Json.mapper().readTree(r.out());
    // STS-102's first spacewalk, 11 March 2001: 8 h 56 min, the longest ever (NASA, STS-102 mission archive).
    assertThat(v.path("longest").path("duration").asText()).isEqualTo("PT8H56M");
    assertThat(v.path("longest").path("crew").toString()).contains("James S. Voss", "Susan Helms");
    assertThat(SchemaValidator.get().validateAgainst("projections/spacewalk-time.schema.json", v)).isEmpty();

    Run bad = run("state", "--projection", "nope");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("no projection 'nope'").contains("crew").contains("spacewalk-time")
        .doesNotContain("Exception");
  }

  @Test
  void shouldPrintAnEmptyStationBeforeTheFirstEvent() throws Exception {
    Run r = run("state", "--at", "1998-01-01");
    assertThat(r.exitCode()).isZero();
    assertThat(SchemaValidator.get().validateState(r.out())).isEmpty();
    assertThat(Json.mapper().readValue(r.out(), StationState.class).moduleCount()).isZero();
  }

  @Test
  void shouldRejectABadDateWithUsageAndNoStackTrace() {
    Run r = run("state", "--at", "yesterday");
    assertThat(r.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(r.err()).contains("invalid date 'yesterday'").contains("Usage: station state");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void shouldRejectAnUnknownCommandOrOption() {
    assertThat(run("launch").exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    Run r = run("replay", "--sped", "max");
    assertThat(r.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(r.err()).contains("Unknown options: '--sped'").contains("Possible solutions: --speed");
  }

  @Test
  void shouldValidateTheBundledHistory() {
    Run r = run("validate");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("OK,").contains("CrewArrived");
  }

  @Test
  void shouldListEveryProblemOfABrokenFileWithItsLine() throws Exception {
    Path broken = dir.resolve("broken.jsonl");
    Files.write(broken, List.of("{\"id\": oops", "", "[1,2]"));
    Run r = run("validate", broken.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains(broken + ":1: malformed JSON").contains(broken + ":3: expected a JSON object")
        .contains("2 problem(s)");
  }

  @Test
  void shouldSayWhichFileIsMissingInOneLine() {
    Run r = run("state", "--history", dir.resolve("nope.jsonl").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("station state: error: history file not found: " + dir.resolve("nope.jsonl"));
  }

  @Test
  void shouldTakeDefaultsFromEnvironmentThenConfigFileThenBuiltIn() throws Exception {
    Path file = dir.resolve("station.properties");
    Properties p = new Properties();
    p.setProperty("http-port", "8181");
    p.setProperty("replay.speed", "max");
    p.setProperty("bootstrap-servers", "file:9092");
    try (var w = Files.newBufferedWriter(file)) {
      p.store(w, null);
    }
    ConfigDefaults defaults = ConfigDefaults.from(new String[] {"--config", file.toString()},
        Map.of("STATION_BOOTSTRAP_SERVERS", "env:9092"));
    CommandLine cli = new CommandLine(new StationCli()).setDefaultValueProvider(defaults);
    CommandLine.ParseResult parsed = cli.parseArgs("replay");
    ReplayCommand replay = (ReplayCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(replay.kafka.bootstrapServers).isEqualTo("env:9092");
    assertThat(replay.replay.speed.isMax()).isTrue();

    CommandLine.ParseResult stream = new CommandLine(new StationCli()).setDefaultValueProvider(defaults)
        .parseArgs("stream", "--bootstrap-servers", "flag:9092");
    StreamCommand s = (StreamCommand) stream.subcommand().commandSpec().userObject();
    assertThat(s.kafka.bootstrapServers).isEqualTo("flag:9092");
    assertThat(s.stream.httpPort).isEqualTo(8181);
    assertThat(s.stream.httpHost).isEqualTo("127.0.0.1");
  }

  @Test
  void shouldRefuseControlBeyondLoopbackWithoutATokenBeforeConnecting() {
    Run r = run("stream", "--http-host", "0.0.0.0", "--bootstrap-servers", "localhost:1", "--wait", "1s");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith("station stream: error: the HTTP API would listen on 0.0.0.0")
        .contains("--control-token or STATION_CONTROL_TOKEN").doesNotContain("Waiting for Kafka");
  }

  @Test
  void shouldNeverPrintTheControlToken() {
    Run r = run("stream", "--http-host", "0.0.0.0", "--control-token", "s3cret-token", "--bootstrap-servers",
        "localhost:1", "--wait", "1s");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach Kafka").doesNotContain("s3cret-token");
    assertThat(r.out()).doesNotContain("s3cret-token");
  }

  @Test
  void shouldPassTheClientConfigOnWithoutPrintingItsSecrets() throws Exception {
    Path config = dir.resolve("client.properties");
    Files.writeString(config, String.join("\n",
        "security.protocol=SASL_PLAINTEXT",
        "sasl.mechanism=PLAIN",
        "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"station\" "
            + "password=\"pa55-w0rd-xyz\";"));
    Run r = run("replay", "--client-config", config.toString(), "--bootstrap-servers", "localhost:1", "--wait",
        "1s");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach Kafka at localhost:1");
    assertThat(r.out() + r.err()).doesNotContain("pa55-w0rd-xyz");
  }

  @Test
  void shouldRejectAnAdvertisedUrlThatIsNotHttp() {
    Run r = run("stream", "--advertised-url", "ftp://streams-1:8080", "--bootstrap-servers", "localhost:1");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo(
        "station stream: error: --advertised-url must look like http://HOST:PORT, was 'ftp://streams-1:8080'");
  }

  @Test
  void shouldNameAReplayByFlagAliasOrEnvironment() {
    ConfigDefaults env = ConfigDefaults.from(new String[0], Map.of("STATION_REPLAY_ID", "workshop-7"));
    ReplayCommand fromEnv = (ReplayCommand) new CommandLine(new StationCli()).setDefaultValueProvider(env)
        .parseArgs("replay").subcommand().commandSpec().userObject();
    assertThat(fromEnv.replay.replayId).isEqualTo("workshop-7");
    ReplayCommand fromAlias = (ReplayCommand) new CommandLine(new StationCli())
        .parseArgs("replay", "--station-id", "old-name").subcommand().commandSpec().userObject();
    assertThat(fromAlias.replay.replayId).isEqualTo("old-name");
    ReplayCommand byDefault = (ReplayCommand) new CommandLine(new StationCli())
        .parseArgs("replay").subcommand().commandSpec().userObject();
    assertThat(byDefault.replay.replayId).isEqualTo("ISS");
  }

  @Test
  void shouldSayInOneLineThatTheBrokerIsUnreachable() {
    Run r = run("replay", "--bootstrap-servers", "localhost:1", "--wait", "1s");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Waiting for Kafka at localhost:1")
        .contains("station replay: error: cannot reach Kafka at localhost:1 after 1 s");
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void shouldNameAnUnreadableClientConfig() {
    Run r = run("stream", "--client-config", dir.resolve("missing.properties").toString(), "--wait", "1s");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).startsWith("station stream: error: cannot read client config");
  }

  @Test
  void shouldParseDatesAndDurations() {
    assertThat(Dates.startOf("2000-11-02")).hasToString("2000-11-02T00:00:00Z");
    assertThat(Dates.endOf("2000-11-02")).hasToString("2000-11-02T23:59:59.999Z");
    assertThat(Dates.endOf("2000-11-02T09:21:00Z")).hasToString("2000-11-02T09:21:00Z");
    assertThat(Dates.duration("500ms").toMillis()).isEqualTo(500);
    assertThat(Dates.duration("2s").toMillis()).isEqualTo(2000);
    assertThat(Dates.duration("1.5m").toMillis()).isEqualTo(90_000);
    assertThat(Dates.duration("PT3S").toMillis()).isEqualTo(3000);
  }
}
