package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stationreplay.cli.EndToEndIT.readAllFrom;
import static org.stationreplay.cli.EndToEndIT.withoutRun;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.broker.EmbeddedKafkaCluster;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projections.Fold;
import org.stationreplay.projections.Projections;
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
 * Issue 5, broker failure: on a real three-node KRaft cluster (replication factor 3, min ISR 2), the broker that
 * leads the events partition is shut down in the middle of a paced replay. The replay goes on through the
 * other two, every event lands on {@code station.events} exactly once and in order, and the Streams app
 * (exactly-once v2) folds them to the offline fold's state: one committed state per event, in order (and the
 * clock ticks between them), none twice, none skipped.
 */
class BrokerFailureIT {
  private static final Logger logger = LoggerFactory.getLogger(BrokerFailureIT.class);
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final JsonSerde<StationEvent> EVENTS = JsonSerde.of(StationEvent.class);
  private static final JsonSerde<StationState> STATES = JsonSerde.of(StationState.class);
  /**
   * The replay event after which a broker goes down: about 1 s into a replay of about 12.5 s, so that its
   * controlled shutdown (3 to 7 s here, the longer when it is also the active controller) ends well before the
   * replay does.
   */
  private static final int STOP_AFTER_EVENT = 100;

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void shouldReplayEveryEventExactlyOnceAndFoldTheSameStateWhenTheLeadingBrokerStopsMidReplay() throws Exception {
    String prefix = "brokerfailure-" + System.nanoTime() + "-";
    TopicNames topics = TopicNames.prefixed(prefix);
    String appId = prefix + "app";
    History history = HistoryReader.bundled();
    StationState expected = Fold.state(history.events());
    ExecutorService replayThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "broker-failure-replay"));

    try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3);
        Admin admin = Admin.create(Map.<String, Object>of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        StationService station = StationService.start(new StreamsSettings(appId, client(cluster),
            Path.of("target", "it-state", prefix), Duration.ofMillis(100), topics, 3), "127.0.0.1", 0,
            Duration.ofSeconds(60))) {

      // The partition the station's events go to (the producer's default partitioner: murmur2 of the key), its
      // replicas all in sync, and the broker that leads it: the one to stop.
      TopicPartition eventsPartition = new TopicPartition(topics.events(),
          Utils.toPositive(Utils.murmur2(StationTopics.ISS.getBytes(StandardCharsets.UTF_8))) % 3);
      TopicPartitionInfo before = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> partitionInfo(admin, eventsPartition), p -> p.isr().size() == 3);
      assertThat(before.replicas()).hasSize(3);
      int stopped = before.leader().id();

      CountDownLatch midReplay = new CountDownLatch(1);
      AtomicInteger sent = new AtomicInteger();
      ReplayListener progress = new ReplayListener() {
        @Override
        public void sent(int index, int total, StationEvent event, long latenessNanos) {
          sent.set(index + 1);
          if (index + 1 == STOP_AFTER_EVENT) {
            midReplay.countDown();
          }
        }
      };
      Future<Integer> replay = replayThread.submit(() -> ReplayJob.run(client(cluster),
          new ReplayRequest(history, new Speed(5e7), null, null, Duration.ofMillis(50), StationTopics.ISS, false,
              true),
          ReplayClock.SYSTEM, progress, topics, 3));

      // Mid-replay: stop the leader of the events partition (a controlled shutdown: its leaderships move away).
      assertThat(midReplay.await(60, TimeUnit.SECONDS)).as("the replay reached event %d", STOP_AFTER_EVENT).isTrue();
      cluster.stopNode(stopped);
      int sentWhenStopped = sent.get();
      logger.info("Stopped node {}, the leader of {}, after event {}; {} events sent by the time it was down",
          stopped, eventsPartition, STOP_AFTER_EVENT, sentWhenStopped);
      assertThat(replay.isDone()).as("the replay still runs after the broker stopped").isFalse();

      // The replay finishes through the two brokers left, which lead and hold the in-sync replicas.
      assertThat(replay.get(60, TimeUnit.SECONDS)).isEqualTo(history.size());
      long replayDone = System.nanoTime();
      assertThat(history.size() - sentWhenStopped).as("events sent with the broker down").isPositive();
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
        TopicPartitionInfo after = partitionInfo(admin, eventsPartition);
        assertThat(after.leader().id()).isNotEqualTo(stopped);
        assertThat(after.isr()).extracting(Node::id).hasSize(2).doesNotContain(stopped);
      });

      // station.events: after the run's marker, every event of the history exactly once and in order, with the
      // clock ticks in between.
      String running = runningNodes(cluster);
      List<ConsumerRecord<String, byte[]>> log = readAllFrom(running, topics.events());
      assertThat(partitionWithRecords(admin, topics.events())).isEqualTo(eventsPartition);
      assertThat(log).allSatisfy(r -> assertThat(r.partition()).isEqualTo(eventsPartition.partition()));
      assertThat(type(log.get(0))).isEqualTo("ReplayStarted");
      assertThat(log.stream().filter(r -> type(r).equals("ReplayStarted")).count()).isEqualTo(1);
      List<StationEvent> replayed = log.stream()
          .filter(r -> !type(r).equals("ReplayStarted") && !type(r).equals("ClockTicked"))
          .map(r -> EVENTS.deserialize(topics.events(), r.value()))
          .toList();
      assertThat(replayed).hasSameSizeAs(history.events());
      assertThat(replayed).containsExactlyElementsOf(history.events());
      // At 5e7 a tick every 29th simulated midnight (TickPlan in the producer): about 290.
      assertThat(log.stream().filter(r -> type(r).equals("ClockTicked")).count()).isGreaterThan(200);

      // The Streams app serves the offline fold's state. It may lag behind the replay on a busy 2-core machine.
      URI stateUri = URI.create("http://127.0.0.1:" + station.httpPort() + "/api/state");
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        HttpResponse<String> r = get(stateUri);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(withoutRun(Json.mapper().readValue(r.body(), StationState.class))).isEqualTo(expected);
      });
      logger.info("The Streams app reached the final state {} ms after the replay finished",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - replayDone));

      // The fold's topics, read committed and composed as a dashboard's feed does: states of a clean fold of the
      // log, in order (one per replay and commit); no event folded twice or skipped, none refused.
      List<StationState> states = new ArrayList<>();
      Map<String, Object> reader = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, running);
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        states.clear();
        ProjectionTopics.states(reader, topics, Projections.engine()).forEach(c -> states.add(c.state()));
        assertThat(states).isNotEmpty();
        assertThat(states.get(states.size() - 1).eventsApplied()).isEqualTo(history.size());
      });
      assertThat(withoutRun(states.get(states.size() - 1))).isEqualTo(expected);
      assertThat(EndToEndIT.notInCleanFoldOrder(states, StreamsCrashIT.cleanFold(log))).isEmpty();
      assertThat(states.size()).isLessThanOrEqualTo(log.size());
      assertThat(readAllFrom(running, topics.deadLetters())).isEmpty();

      // Every topic the system wrote, the Streams app's internal ones and Kafka's own: 3 replicas, min ISR 2.
      List<String> checked = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().stream()
          .filter(t -> t.startsWith(prefix) || t.equals("__consumer_offsets") || t.equals("__transaction_state"))
          .sorted().toList();
      assertThat(checked).contains(topics.events(), topics.clock(), topics.projection("crew"), topics.deadLetters(),
          topics.control(), topics.rebuilds(), topics.projectionStatus(),
          topics.replayStatus(), "__consumer_offsets", "__transaction_state");
      assertThat(checked).anyMatch(t -> t.startsWith(appId) && t.endsWith("-changelog"));
      Map<String, TopicDescription> descriptions = admin.describeTopics(checked).allTopicNames().get();
      Map<String, Integer> replicationFactors = descriptions.values().stream().collect(Collectors.toMap(
          TopicDescription::name, d -> d.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0)));
      assertThat(replicationFactors).allSatisfy((topic, rf) -> assertThat(rf).as(topic).isEqualTo(3));
      Map<ConfigResource, Config> configs = admin.describeConfigs(checked.stream()
          .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get();
      assertThat(configs).allSatisfy((r, config) ->
          assertThat(config.get("min.insync.replicas").value()).as(r.name()).isEqualTo("2"));
    } finally {
      replayThread.shutdownNow();
      replayThread.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** The client addresses of the nodes still running: readers then never wait on the stopped one. */
  private static String runningNodes(EmbeddedKafkaCluster cluster) {
    return java.util.stream.IntStream.range(0, cluster.size()).filter(cluster::isRunning)
        .mapToObj(cluster::bootstrapServers).collect(Collectors.joining(","));
  }

  private static Map<String, Object> client(EmbeddedKafkaCluster cluster) {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
  }

  /** The one partition of the events topic with records: every record is keyed by the station id. */
  private static TopicPartition partitionWithRecords(Admin admin, String topic) throws Exception {
    TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    Map<TopicPartition, OffsetSpec> latest = d.partitions().stream()
        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
    List<TopicPartition> withRecords = admin.listOffsets(latest).all().get().entrySet().stream()
        .filter(e -> e.getValue().offset() > 0).map(Map.Entry::getKey).toList();
    assertThat(withRecords).hasSize(1);
    return withRecords.get(0);
  }

  private static TopicPartitionInfo partitionInfo(Admin admin, TopicPartition tp) throws Exception {
    return admin.describeTopics(List.of(tp.topic())).allTopicNames().get().get(tp.topic())
        .partitions().stream().filter(p -> p.partition() == tp.partition()).findFirst().orElseThrow();
  }

  private static String type(ConsumerRecord<String, byte[]> r) {
    return new String(r.headers().lastHeader(StationTopics.HEADER_EVENT_TYPE).value(), StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
