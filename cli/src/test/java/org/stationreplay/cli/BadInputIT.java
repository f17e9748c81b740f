package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.control.ControlCommands;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.Json;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.Speed;
import org.stationreplay.projections.Fold;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * No bad input can stop a replay. A live system (embedded broker, the Streams app with its HTTP API, a paced
 * replay) gets a seeded storm of bad and extreme input on every endpoint and on {@code station.control}; every bad
 * request gets a 4xx with one clear sentence, nothing gets a 5xx, the replay and the app keep running, and the
 * replay then ends on the offline fold. A replay that fails for any other reason says so: status FAILED, with the
 * reason, on the API.
 */
class BadInputIT {
  /** For the streams read as a stream, not a string. */
  private static final HttpClient SSE = HttpClient.newHttpClient();
  private static final long SEED = Long.getLong("fuzz.seed", 20211231L);
  private EmbeddedKafkaBroker broker;
  private LiveStation live;
  private TopicNames topics;

  @BeforeEach
  void start(TestInfo test) throws Exception {
    broker = EmbeddedKafkaBroker.start();
    live = LiveStation.start(broker, test.getTestMethod().orElseThrow().getName());
    topics = live.topics;
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
    broker.close();
  }

  private Map<String, Object> client() {
    return live.client();
  }

  private void startReplay(Speed speed, ReplayListener listener) {
    live.startReplay(HistoryReader.bundled(), speed, listener);
  }

  @Test
  void shouldAnswerEveryBadInputWithA4xxAndKeepTheReplayAndTheAppRunning() throws Exception {
    startReplay(new Speed(3e7), ReplayListener.NONE); // about 25 s for the whole history: it runs during the storm
    await().atMost(Duration.ofSeconds(60)).until(() -> status() != null);
    Random random = new Random(SEED);
    List<String> problems = new ArrayList<>();

    for (String body : knownBadCommands()) {
      checkControl(body, problems);
    }
    for (int i = 0; i < 250; i++) {
      checkControl(randomCommand(random), problems);
    }
    for (int i = 0; i < 250; i++) {
      checkGet(randomGet(random), problems);
    }
    writeGarbageToTheControlTopic(random);

    assertThat(problems).as("seed %d: requests answered wrongly", SEED).isEmpty();
    assertThat(live.replayAlive()).as("the replay thread (died with %s)", live.replayDied.get()).isTrue();
    JsonNode health = Json.mapper().readTree(get("/api/health").body());
    assertThat(health.path("streams").asText()).isEqualTo("RUNNING");
    assertThat(health.path("replay").asText()).isNotEqualTo("FAILED");

    // The storm's valid commands moved the replay about; now let it finish, fast, and compare with the fold.
    assertThat(post("{\"command\":\"resume\"}").statusCode()).isEqualTo(202);
    assertThat(post("{\"command\":\"loop\",\"enabled\":false}").statusCode()).isEqualTo(202);
    assertThat(post("{\"command\":\"speed\",\"speed\":\"max\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(90)).until(() -> {
      ReplayStatus s = status();
      return s != null && s.state() == ReplayStatus.State.FINISHED;
    });
    StationState expected = Fold.state(HistoryReader.bundled().events());
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      HttpResponse<String> r = get("/api/state");
      return r.statusCode() == 200
          && EndToEndIT.withoutRun(Json.mapper().readValue(r.body(), StationState.class)).equals(expected);
    });
    assertThat(live.replayAlive()).isTrue();
    assertThat(Json.mapper().readTree(get("/api/health").body()).path("streams").asText()).isEqualTo("RUNNING");
    // Finished: pause and resume would be accepted and do nothing, so they are refused, saying why.
    HttpResponse<String> resume = post("{\"command\":\"resume\"}");
    assertThat(resume.statusCode()).isEqualTo(409);
    assertThat(resume.body()).contains("has finished: there is nothing to pause or resume");
  }

  @Test
  void shouldStreamEventsToAClientThatSendsNoAcceptHeader() throws Exception {
    startReplay(Speed.MAX, ReplayListener.NONE);
    await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/state").statusCode() == 200);
    // What `curl -N URL` sends: no Accept header at all (Java's client sends none unless told).
    HttpResponse<InputStream> r = SSE.send(HttpRequest.newBuilder(URI.create(live.base + "/api/stream")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
      String line;
      boolean state = false;
      while (!state && (line = lines.readLine()) != null) {
        state = line.equals("event: state");
      }
      assertThat(state).as("a state event arrives").isTrue();
    }
    HttpResponse<InputStream> json = SSE.send(HttpRequest.newBuilder(URI.create(live.base + "/api/stream"))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = json.body()) {
      assertThat(json.headers().firstValue("Content-Type").orElse("")).as("whatever Accept says")
          .startsWith("text/event-stream");
    }
  }

  @Test
  void shouldReportAFailedReplayWithItsReasonInsteadOfDyingSilently() throws Exception {
    startReplay(Speed.MAX, new ReplayListener() {
      @Override
      public void sent(int index, int total, org.stationreplay.events.StationEvent event, long latenessNanos) {
        if (index == 300) {
          throw new IllegalStateException("disk on fire at event 300");
        }
      }
    });
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      ReplayStatus s = status();
      return s != null && s.state() == ReplayStatus.State.FAILED;
    });
    ReplayStatus failed = status();
    assertThat(failed.reason()).isEqualTo("IllegalStateException: disk on fire at event 300");
    assertThat(failed.eventsSent()).isEqualTo(300);
    JsonNode health = Json.mapper().readTree(get("/api/health").body());
    assertThat(health.path("replay").asText()).isEqualTo("FAILED");
    assertThat(health.path("replayFailure").asText()).contains("disk on fire");
    HttpResponse<String> pause = post("{\"command\":\"pause\"}");
    assertThat(pause.statusCode()).as("a failed replay applies nothing: no 202").isEqualTo(409);
    assertThat(pause.body()).contains("has failed (IllegalStateException: disk on fire at event 300)");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(live.replayDied.get())
        .as("the job still throws to its caller (the demo resumes it)").isNotNull());
  }

  private static List<String> knownBadCommands() {
    return List.of(
        "{\"command\":\"speed\",\"speed\":1e308}", "{\"command\":\"speed\",\"speed\":0}",
        "{\"command\":\"speed\",\"speed\":-86400}", "{\"command\":\"speed\",\"speed\":\"NaN\"}",
        "{\"command\":\"speed\",\"speed\":1e400}", "{\"command\":\"speed\",\"speed\":[1]}",
        "{\"command\":\"seek\",\"to\":\"9999-12-31\"}", "{\"command\":\"seek\",\"to\":\"0001-01-01\"}",
        "{\"command\":\"seek\",\"to\":\"+99999-01-01T00:00:00Z\"}", "{\"command\":\"seek\",\"to\":\"\"}",
        "{\"command\":\"loop\",\"enabled\":1}", "{\"command\":\"\"}", "{}", "", " ", "null", "[]", "\"pause\"",
        "{\"command\":\"pause\"", "{\"command\":\"\u0000\u202e\ud83d\ude80\"}", "x".repeat(2_000_000),
        "{\"command\":\"pause\",\"x\":\"" + "y".repeat(5_000) + "\"}");
  }

  /** Valid commands with extreme values, wrong types, random JSON: whatever a client could send. */
  private static String randomCommand(Random random) {
    String[] names = {"pause", "resume", "speed", "seek", "restart", "loop", "PAUSE", "stop", "", "\u2603"};
    Object[] values = {1e308, -1, 0, 1, 1e9, 1e9 + 1, 86400, 2.5, "max", "MAX", "fast", true, null, "", "\u0000",
        Long.MAX_VALUE, "1998-11-20", "2021-12-31", "2009-07-17T12:00:00Z", "3000-01-01", "1900-01-01", "2009-13-45",
        List.of(1, 2), Map.of("a", 1), "x".repeat(random.nextInt(3_000))};
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    if (random.nextInt(10) > 0) {
      body.put("command", random.nextInt(8) == 0 ? values[random.nextInt(values.length)]
          : names[random.nextInt(names.length)]);
    }
    String[] fields = {"speed", "to", "enabled", "extra"};
    for (int i = random.nextInt(3); i > 0; i--) {
      body.put(fields[random.nextInt(fields.length)], values[random.nextInt(values.length)]);
    }
    String json = Json.write(body);
    return switch (random.nextInt(12)) {
      case 0 -> json.substring(0, random.nextInt(json.length() + 1)); // cut short
      case 1 -> json.replace("{", "[");
      default -> json;
    };
  }

  private static String randomGet(Random random) {
    String[] paths = {"/api/state", "/api/projections", "/api/projections/crew", "/api/projections/" + junk(random),
        "/api/series", "/api/replay", "/api/replays", "/api/health", "/schemas/" + junk(random),
        "/api/" + junk(random)};
    String[] params = {"at", "replay", "station", "lastEventId", junk(random)};
    String[] values = {"2009-07-17", "1066-10-14", "99999-01-01", "+99999-01-01T00:00:00Z", "yesterday", "", "ISS",
        "\u00e9t\u00e9", "\ud83d\ude80", "-1", "1e308", "'; DROP TABLE", "x".repeat(8_000), junk(random)};
    StringBuilder url = new StringBuilder(paths[random.nextInt(paths.length)]);
    for (int i = random.nextInt(4); i > 0; i--) {
      url.append(i == 1 && url.indexOf("?") < 0 || url.indexOf("?") < 0 ? '?' : '&')
          .append(URLEncoder.encode(params[random.nextInt(params.length)], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(values[random.nextInt(values.length)], StandardCharsets.UTF_8));
    }
    return url.toString();
  }

  private static String junk(Random random) {
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(12) + 1; i > 0; i--) {
      b.append(switch (random.nextInt(4)) {
        case 0 -> (char) ('a' + random.nextInt(26));
        case 1 -> '-';
        case 2 -> (char) (0xe0 + random.nextInt(30));
        default -> (char) ('0' + random.nextInt(10));
      });
    }
    return URLEncoder.encode(b.toString(), StandardCharsets.UTF_8);
  }

  private void checkControl(String body, List<String> problems) throws Exception {
    boolean valid;
    try {
      ControlCommands.read(body);
      valid = true;
    } catch (IllegalArgumentException e) {
      valid = false;
    }
    HttpResponse<String> r = post(body);
    String shown = body.length() > 80 ? body.substring(0, 80) + "..." : body;
    // A valid command is accepted, or refused with 409 when it would do nothing (pause or resume once finished).
    boolean refusedForAReason = r.statusCode() == 409 && r.body().contains("has finished");
    if (valid && r.statusCode() != 202 && !refusedForAReason) {
      problems.add("POST " + shown + " -> " + r.statusCode() + " " + r.body() + " (expected 202)");
    }
    if (!valid) {
      checkClientError("POST " + shown, r, problems);
    }
  }

  private void checkGet(String path, List<String> problems) throws Exception {
    HttpResponse<String> r = get(path);
    String shown = path.length() > 100 ? path.substring(0, 100) + "..." : path;
    if (r.statusCode() >= 500 && r.statusCode() != 503) {
      problems.add("GET " + shown + " -> " + r.statusCode() + " " + r.body());
    } else if (r.statusCode() >= 400 && path.startsWith("/api/")) {
      checkClientError("GET " + shown, r, problems);
    }
  }

  /** A 4xx whose body is JSON with one sentence in "error": no stack trace, no schema dump, no echo of a megabyte. */
  private static void checkClientError(String request, HttpResponse<String> r, List<String> problems) {
    if (r.statusCode() < 400 || r.statusCode() >= 500) {
      problems.add(request + " -> " + r.statusCode() + " " + r.body() + " (expected a 4xx)");
      return;
    }
    try {
      String error = Json.mapper().readTree(r.body()).path("error").asText("");
      if (error.isBlank() || error.contains("\n") || error.length() > 300 || error.contains("Exception")
          || error.contains("oneOf")) {
        problems.add(request + " -> " + r.statusCode() + " error not one clear sentence: " + error);
      }
    } catch (Exception e) {
      problems.add(request + " -> " + r.statusCode() + " body is not JSON: " + r.body());
    }
  }

  /** Records other clients could write to station.control: none may stop the replay. */
  private void writeGarbageToTheControlTopic(Random random) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client(), new StringSerializer(),
        new ByteArraySerializer())) {
      List<byte[]> values = new ArrayList<>();
      for (String body : knownBadCommands()) {
        if (body.length() < 900_000) { // larger than the broker takes: the producer refuses it, nothing to test
          values.add(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      for (int i = 0; i < 50; i++) {
        values.add(randomCommand(random).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        values.add(bytes);
      }
      values.add(null);
      values.add(new byte[900_000]);
      for (byte[] v : values) {
        producer.send(new ProducerRecord<>(topics.control(), StationTopics.ISS, v)).get();
      }
      producer.send(new ProducerRecord<>(topics.control(), null, "{\"command\":\"pause\"}".getBytes())).get();
    }
    Thread.sleep(2_000); // the replay's reader has polled them all
  }

  private HttpResponse<String> get(String path) throws Exception {
    return live.get(path);
  }

  private HttpResponse<String> post(String body) throws Exception {
    return live.post(body);
  }

  private ReplayStatus status() throws Exception {
    return live.status();
  }
}
