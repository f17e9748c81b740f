package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projections.Fold;
import org.stationreplay.projections.Projections;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.streams.ProjectionTopics;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.state.StationState;
import org.stationreplay.streams.StationService;
import org.stationreplay.streams.StreamsSettings;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * The whole pipeline on a real broker: replay -> station.events -> Streams -> the projection topics and the HTTP
 * API.
 */
class EndToEndIT {
  private static EmbeddedKafkaBroker broker;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  static String unique(TestInfo test) {
    return test.getTestMethod().orElseThrow().getName().toLowerCase() + "-" + System.nanoTime() + "-";
  }

  static Map<String, Object> client() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
  }

  @Test
  void shouldFoldAMaxSpeedReplayToTheSameStateAsTheOfflineFold(TestInfo test) throws Exception {
    String prefix = unique(test);
    TopicNames topics = TopicNames.prefixed(prefix);
    History history = HistoryReader.bundled();
    StationState expected = Fold.state(history.events());

    try (StationService server = StationService.start(new StreamsSettings(prefix + "app", client(),
            Path.of("target", "it-state", prefix), Duration.ofMillis(100), topics, 3), "127.0.0.1", 0,
        Duration.ofSeconds(60))) {
      ReplayJob.run(client(), ReplayRequest.once(history, Speed.MAX, StationTopics.ISS),
          ReplayClock.SYSTEM, ReplayListener.NONE, topics, 3);

      URI uri = URI.create("http://127.0.0.1:" + server.httpPort() + "/api/state");
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        HttpResponse<String> r = get(uri);
        return r.statusCode() == 200 && withoutRun(Json.mapper().readValue(r.body(), StationState.class))
            .equals(expected);
      });
      HttpResponse<String> response = get(uri);
      assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> v.startsWith("application/json"));
      StationState served = Json.mapper().readValue(response.body(), StationState.class);
      assertThat(served.run()).startsWith("replay-start-1-");
      assertThat(Json.mapper().readTree(response.body()).path("projections").isObject()).isTrue();

      // The event log: the run's marker, then every event with its event-time timestamp, station key, type and
      // version headers; kept forever.
      List<ConsumerRecord<String, byte[]>> events = readAll(topics.events(), history.size() + 1);
      assertThat(events).hasSize(history.size() + 1);
      assertThat(JsonSerde.of(StationEvent.class).deserialize("t", events.get(0).value()).type())
          .isEqualTo("ReplayStarted");
      for (int i = 0; i < history.size(); i++) {
        StationEvent e = history.events().get(i);
        ConsumerRecord<String, byte[]> r = events.get(i + 1);
        assertThat(r.key()).isEqualTo(StationTopics.ISS);
        assertThat(r.timestamp()).isEqualTo(e.time().toEpochMilli());
        assertThat(new String(r.headers().lastHeader(StationTopics.HEADER_EVENT_TYPE).value(),
            StandardCharsets.UTF_8)).isEqualTo(e.type());
        assertThat(JsonSerde.of(StationEvent.class).deserialize("t", r.value())).isEqualTo(e);
      }
      assertThat(topicConfig(topics.events()).get("retention.ms").value()).isEqualTo("-1");
      ProjectionEngine engine = Projections.engine();
      for (String name : List.of(StationTopics.CLOCK, "crew", "modules")) {
        assertThat(topicConfig(topics.projection(name)).get("cleanup.policy").value()).isEqualTo("compact");
      }

      // The clock: a record per replay and commit (a max-speed replay folds many events per commit); the states a
      // feed composes from the topics are states of the offline fold, in its order, ending with its last.
      List<StationState> composed = ProjectionTopics.states(client(), topics, engine).stream()
          .map(c -> withoutRun(c.state())).filter(s -> s.eventsApplied() > 0).toList();
      assertThat(notInCleanFoldOrder(composed, Fold.states(history.events()))).isEmpty();
      assertThat(composed.size()).isLessThanOrEqualTo(history.size());
      // Every projection's topic ends on the offline fold's value, and holds a record only for its changes.
      Snapshot folded = engine.fold(history.events());
      for (int i = 0; i < engine.size(); i++) {
        assertThat(ProjectionTopics.latest(client(), topics, engine, i)).as(engine.projection(i).name())
            .containsExactly(Map.entry(StationTopics.ISS, folded.value(i)));
        assertThat(ProjectionTopics.records(client(), topics, engine, i).size()).as(engine.projection(i).name())
            .isLessThan(history.size());
      }
      assertThat(readAll(topics.deadLetters(), 0)).isEmpty();
    }
  }

  @Test
  void shouldAnswer404BeforeTheFirstEventAndServeThePage(TestInfo test) throws Exception {
    String prefix = unique(test);
    try (StationService server = StationService.start(new StreamsSettings(prefix + "app", client(),
            Path.of("target", "it-state", prefix), Duration.ofMillis(100), TopicNames.prefixed(prefix), 1),
        "127.0.0.1", 0, Duration.ofSeconds(60))) {
      HttpResponse<String> none = get(URI.create("http://127.0.0.1:" + server.httpPort() + "/api/state"));
      assertThat(none.statusCode()).isEqualTo(404);
      assertThat(none.body()).contains("no events folded yet");
      HttpResponse<String> page = get(URI.create("http://127.0.0.1:" + server.httpPort() + "/"));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("sim-date");
    }
  }

  /**
   * What is wrong with the states the fold committed, against those of a clean fold of the same log: each must be
   * one the clean fold passes through (a replay is written once per commit, so the states between two commits are
   * not there), in the clean fold's order, none twice; the last must be the clean fold's last.
   */
  static List<String> notInCleanFoldOrder(List<StationState> committed, List<StationState> clean) {
    List<String> errors = new ArrayList<>();
    int j = 0;
    for (int i = 0; i < committed.size(); i++) {
      StationState c = committed.get(i);
      int from = j;
      while (j < clean.size() && !clean.get(j).equals(c)) {
        j++;
      }
      if (j == clean.size()) {
        errors.add("state " + i + " (" + c.eventsApplied() + " events, as of " + c.asOf() + ") is not one the clean "
            + "fold passes through after its state " + from);
        j = from;
      } else {
        j++;
      }
    }
    if (committed.isEmpty() || !committed.get(committed.size() - 1).equals(clean.get(clean.size() - 1))) {
      errors.add("the last state is not the clean fold's last");
    }
    return errors;
  }

  /** A replayed state compared with the offline fold: the same but for the replay run it is stamped with. */
  static StationState withoutRun(StationState s) {
    return s.toBuilder().run(null).build();
  }

  static HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static Config topicConfig(String topic) throws Exception {
    try (Admin admin = Admin.create(client())) {
      ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return admin.describeConfigs(List.of(r)).all().get().get(r);
    }
  }

  /** Every committed record of a topic, from the start. */
  static List<ConsumerRecord<String, byte[]>> readAllFrom(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<org.apache.kafka.common.TopicPartition> parts = c.partitionsFor(topic).stream()
          .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<org.apache.kafka.common.TopicPartition, Long> end = c.endOffsets(parts);
      long deadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < deadline && parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** Reads a topic from the start (read_committed) until {@code expected} records or a quiet second. */
  static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 30_000;
      int quietPolls = 0;
      while (System.currentTimeMillis() < deadline && (out.size() < expected || quietPolls < 3)) {
        int before = out.size();
        c.poll(Duration.ofMillis(300)).forEach(out::add);
        quietPolls = out.size() == before ? quietPolls + 1 : 0;
      }
    }
    return out;
  }
}
