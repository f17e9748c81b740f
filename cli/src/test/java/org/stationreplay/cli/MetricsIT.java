package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * {@code GET /metrics} on a real broker, as Prometheus would read it: Kafka Streams' own metrics, the clients',
 * the JVM's and the project's {@code station_*} gauges and counter, with the values the replay and the fold give.
 */
class MetricsIT {
  private static EmbeddedKafkaBroker broker;
  private static final History HISTORY = HistoryReader.bundled();
  private static final String ISS = "{replay=\"ISS\"}";

  private LiveStation live;
  private TopicNames topics;
  private String base;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  Map<String, Object> client() {
    return live.client();
  }

  @BeforeEach
  void start(TestInfo test) throws Exception {
    live = LiveStation.start(broker, test.getTestMethod().orElseThrow().getName());
    topics = live.topics;
    base = live.base;
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }

  @Test
  void shouldServeKafkaStreamsOwnMetricsAndTheStationsInPrometheusText() throws Exception {
    ReplayJob.run(client(), ReplayRequest.once(HISTORY, Speed.MAX, StationTopics.ISS), ReplayClock.SYSTEM,
        ReplayListener.NONE, topics, 3);
    await().atMost(Duration.ofSeconds(120)).until(() -> state().eventsApplied() == HISTORY.size()
        && status() != null && status().state() == ReplayStatus.State.FINISHED);

    try (SseReader dashboard = new SseReader(URI.create(base + "/api/stream"), null)) {
      assertThat(dashboard.next("state", Duration.ofSeconds(30))).isNotNull();
      // Counted once subscribed, which may complete just after the first state is on its way.
      await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.parse(get("/metrics", null).body())
          .single("station_sse_clients") == 1);
      HttpResponse<String> response = get("/metrics", null);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
      Scrape scrape = Scrape.parse(response.body());

      // Kafka Streams' own metrics (Micrometer's names: kafka.<group without -metrics>.<name>), per thread.
      assertThat(scrape.type("kafka_stream_thread_process_rate")).isEqualTo("gauge");
      assertThat(scrape.samples("kafka_stream_thread_process_rate"))
          .allSatisfy(s -> assertThat(s.labels()).containsKey("thread_id")).isNotEmpty();
      assertThat(scrape.samples("kafka_stream_thread_commit_latency_avg")).isNotEmpty();
      assertThat(scrape.samples("kafka_stream_thread_process_total")).isNotEmpty();
      assertThat(scrape.single("kafka_stream_alive_stream_threads")).isGreaterThanOrEqualTo(1);
      assertThat(scrape.samples("kafka_stream_client_state")).singleElement()
          .satisfies(s -> assertThat(s.labels()).containsEntry("application_id", live.applicationId));
      // The other clients: the feed's consumer and the control producer, by client id; and the JVM.
      assertThat(scrape.samples("kafka_consumer_fetch_manager_records_consumed_total"))
          .anySatisfy(s -> assertThat(s.labels().get("client_id")).startsWith("station-feed"));
      assertThat(scrape.samples("kafka_producer_record_send_total"))
          .anySatisfy(s -> assertThat(s.labels()).containsEntry("client_id", "station-control"));
      assertThat(scrape.samples("jvm_memory_used_bytes")).isNotEmpty();
      assertThat(scrape.samples("process_uptime_seconds")).isNotEmpty();

      // The project's own.
      assertThat(scrape.type("station_dead_letters_total")).isEqualTo("counter");
      assertThat(scrape.single("station_dead_letters_total")).isZero();
      assertThat(scrape.type("station_sse_clients")).isEqualTo("gauge");
      assertThat(scrape.single("station_sse_clients")).as("one dashboard connected").isEqualTo(1);
      assertThat(scrape.type("station_replay_lateness_seconds")).isEqualTo("gauge");
      assertThat(scrape.value("station_replay_lateness_seconds" + ISS)).as("never late at full speed").isZero();
      assertThat(scrape.type("station_fold_event_time_lag_seconds")).isEqualTo("gauge");
      // Finished, and the state is the last event's: the fold is not behind the replay's clock at all.
      await().atMost(Duration.ofSeconds(30)).until(() -> Scrape.parse(get("/metrics", null).body())
          .value("station_fold_event_time_lag_seconds" + ISS) == 0);
    }

    // The consumers' lag per partition, once the binder has seen the fold's partitions (it looks every 10 s);
    // each topic once, not again with its periods turned into underscores.
    await().atMost(Duration.ofSeconds(60)).until(() -> Scrape.parse(get("/metrics", null).body())
        .samples("kafka_consumer_fetch_manager_records_lag_max").stream()
        .anyMatch(s -> topics.events().equals(s.labels().get("topic"))));
    Scrape scrape = Scrape.parse(get("/metrics", null).body());
    // Also found by then: the fold's dead letters as Kafka Streams counts them (the project's sensor, per thread).
    assertThat(scrape.samples("kafka_stream_station_dead_letters_total")).isNotEmpty();
    // The example Grafana dashboard charts only what this endpoint really exports.
    String dashboard = Files.readString(Path.of("..", "docs", "monitoring", "grafana-dashboard.json"));
    Matcher charted = Pattern.compile("\\b(?:kafka|station|jvm|process)_[a-z0-9_]+").matcher(dashboard);
    Set<String> names = new java.util.TreeSet<>();
    while (charted.find()) {
      names.add(charted.group());
    }
    assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(scrape.samples(n)).as(n).isNotEmpty());
    assertThat(scrape.samples("kafka_consumer_fetch_manager_records_lag_max"))
        .noneMatch(s -> s.labels().getOrDefault("topic", "").equals(topics.events().replace('.', '_')))
        .noneMatch(s -> s.labels().getOrDefault("topic", "").equals(topics.clock().replace('.', '_')));
    // The dashboard closed: the server notices at its next heartbeat at the latest.
    await().atMost(Duration.ofSeconds(60)).until(() -> Scrape.parse(get("/metrics", null).body())
        .single("station_sse_clients") == 0);

    try (KafkaProducer<String, String> outsider = new KafkaProducer<>(client(), new StringSerializer(),
        new StringSerializer())) {
      outsider.send(new ProducerRecord<>(topics.events(), StationTopics.ISS, "{\"id\": \"half a rec")).get();
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> Scrape.parse(get("/metrics", null).body())
        .single("station_dead_letters_total") == 1);

    HttpResponse<String> openMetrics = get("/metrics", "application/openmetrics-text;version=1.0.0,"
        + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    assertThat(openMetrics.headers().firstValue("Content-Type"))
        .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
    assertThat(openMetrics.body()).endsWith("# EOF\n").contains("station_dead_letters_total 1.0");
  }

  @Test
  void shouldShowHowFarThePausedStateIsBehindTheReplaysClock() throws Exception {
    startReplay(new Speed(3e7)); // about a year per second, a tick per simulated day
    await().atMost(Duration.ofSeconds(60)).until(() -> status() != null && state().asOf() != null
        && state().asOf().isAfter(Instant.parse("2000-01-01T00:00:00Z")));
    assertThat(post("{\"command\":\"pause\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> status().state() == ReplayStatus.State.PAUSED);
    ReplayStatus paused = status();

    // Paused, the clock stands at the instant of the pause and the fold at that day's midnight tick (or an event
    // after it): the gauge is the difference, less than a day, once the fold has caught up.
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      double expected = Duration.between(state().asOf(), paused.simulatedTime()).toMillis() / 1000.0;
      return Scrape.parse(get("/metrics", null).body()).value("station_fold_event_time_lag_seconds" + ISS)
          == expected;
    });
    Scrape scrape = Scrape.parse(get("/metrics", null).body());
    assertThat(scrape.value("station_fold_event_time_lag_seconds" + ISS)).isGreaterThanOrEqualTo(0)
        .isLessThan(86_400);
    assertThat(state().asOf()).isBeforeOrEqualTo(paused.simulatedTime());
    assertThat(scrape.value("station_replay_lateness_seconds" + ISS)).isEqualTo(paused.lagMillis() / 1000.0);
  }

  /** A replay that stays for commands. */
  private void startReplay(Speed speed) {
    live.startReplay(HISTORY, speed, ReplayListener.NONE);
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return live.get(path, accept);
  }

  private HttpResponse<String> post(String json) throws Exception {
    return live.post(json);
  }

  private ReplayStatus status() throws Exception {
    return live.status();
  }

  private StationState state() throws Exception {
    return live.state();
  }

  /**
   * A scrape in Prometheus' text format 0.0.4, read strictly: every line a {@code # HELP}, a {@code # TYPE} or a
   * sample of a family typed before it, with well-formed labels and a number; no family typed twice.
   */
  record Scrape(Map<String, String> types, List<Sample> all) {
    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern SAMPLE = Pattern.compile(
        "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "summary", "histogram", "untyped");

    static Scrape parse(String text) {
      Map<String, String> types = new HashMap<>();
      List<Sample> samples = new ArrayList<>();
      String family = null;
      for (String line : text.split("\n")) {
        if (line.isEmpty() || line.startsWith("# HELP ")) {
          continue;
        }
        if (line.startsWith("# TYPE ")) {
          String[] parts = line.split(" ");
          assertThat(parts).as(line).hasSize(4);
          assertThat(TYPES).as(line).contains(parts[3]);
          assertThat(types.put(parts[2], parts[3])).as("typed once: " + line).isNull();
          family = parts[2];
          continue;
        }
        assertThat(line).as("a comment must be HELP or TYPE").doesNotStartWith("#");
        Matcher m = SAMPLE.matcher(line);
        assertThat(m.matches()).as("a sample: " + line).isTrue();
        assertThat(family).as("typed before its samples: " + line).isNotNull();
        assertThat(m.group(1)).as("in its family: " + line).startsWith(family);
        Map<String, String> labels = new HashMap<>();
        if (m.group(2) != null && !m.group(2).isEmpty()) {
          Matcher l = LABEL.matcher(m.group(2));
          int end = 0;
          while (l.find() && l.start() == end) {
            labels.put(l.group(1), l.group(2));
            end = l.end();
          }
          assertThat(end).as("labels well-formed: " + line).isEqualTo(m.group(2).length());
        }
        samples.add(new Sample(m.group(1), labels, number(m.group(3))));
      }
      return new Scrape(types, samples);
    }

    private static double number(String text) {
      return switch (text) {
        case "+Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        case "NaN" -> Double.NaN;
        default -> Double.parseDouble(text);
      };
    }

    String type(String family) {
      return types.get(family);
    }

    List<Sample> samples(String name) {
      return all.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the only sample of {@code name}. */
    double single(String name) {
      List<Sample> found = samples(name);
      assertThat(found).as(name).hasSize(1);
      return found.get(0).value();
    }

    /** The value of {@code name{label="value"}}, one label. */
    double value(String nameAndLabel) {
      Matcher m = Pattern.compile("(.+)\\{(.+)=\"(.*)\"}").matcher(nameAndLabel);
      assertThat(m.matches()).isTrue();
      List<Sample> found = samples(m.group(1)).stream()
          .filter(s -> m.group(3).equals(s.labels().get(m.group(2)))).toList();
      assertThat(found).as(nameAndLabel).hasSize(1);
      return found.get(0).value();
    }
  }
}
