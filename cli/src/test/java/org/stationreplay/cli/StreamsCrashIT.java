package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.HashMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projections.Fold;
import org.stationreplay.projections.Composite;
import org.stationreplay.projections.Projections;
import org.stationreplay.projection.Outcome;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.streams.ProjectionTopics;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicAdmin;
import org.stationreplay.topics.TopicNames;

/**
 * Exactly-once under fire: the Streams app runs in its own JVM and is killed with SIGKILL at random moments of a
 * full replay, six times, and restarted each time. The states it committed to its topics must be states a clean
 * fold of the event log passes through, in its order, ending with its last: no event applied twice, none skipped
 * (an event applied twice or skipped would make a state the clean fold never has).
 */
class StreamsCrashIT {
  private static final JsonSerde<StationEvent> EVENTS = JsonSerde.of(StationEvent.class);
  private static final JsonSerde<StationState> STATES = JsonSerde.of(StationState.class);

  @Test
  void shouldCommitExactlyTheCleanFoldDespiteSixKills() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    System.out.println("StreamsCrashIT seed " + seed);
    History history = HistoryReader.bundled();
    String prefix = "crash-" + System.nanoTime() + "-";
    TopicNames topics = TopicNames.prefixed(prefix);
    Path logs = Path.of("target", "crash-logs", prefix);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      String[] stream = {"stream", "--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix", prefix,
          "--application-id", prefix + "app", "--state-dir", logs.resolve("state").toString(), "--http-port", "0"};
      Admin admin = Admin.create(client);
      TopicAdmin.ensure(admin, StationTopics.all(topics, 3));
      Process streams = StationProcess.start(logs.resolve("streams-0.log"), stream);
      Thread replay = new Thread(() -> {
        try {
          ReplayJob.run(client, new ReplayRequest(history, new Speed(7e6), null, null, null,
              StationTopics.ISS, false, true), ReplayClock.SYSTEM, ReplayListener.NONE, topics, 3);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "crash-test-replay");
      replay.start();
      int kills = 0;
      int killedWhileFolding = 0;
      while (kills < 6) {
        // Kill each instance at a random moment once it is folding: its committed output has grown.
        long committedBefore = committedEnd(admin, topics.clock());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (committedEnd(admin, topics.clock()) <= committedBefore && replay.isAlive()
            && System.nanoTime() < deadline) {
          Thread.sleep(200);
        }
        Thread.sleep(random.nextInt(2_000));
        if (replay.isAlive()) {
          killedWhileFolding++;
        }
        StationProcess.kill(streams);
        kills++;
        System.out.printf("StreamsCrashIT: kill %d at %d committed states%n", kills, committedEnd(admin, topics.clock()));
        streams = StationProcess.start(logs.resolve("streams-" + kills + ".log"), stream);
      }
      assertThat(killedWhileFolding).as("kills during the replay").isGreaterThanOrEqualTo(5);
      long t0 = System.nanoTime();
      replay.join(180_000);
      System.out.printf("StreamsCrashIT: replay done %d ms after the last kill%n", (System.nanoTime() - t0) / 1_000_000);
      assertThat(replay.isAlive()).as("replay finished").isFalse();

      List<StationState> expected = cleanFold(EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.events()));
      assertThat(expected.get(expected.size() - 1).eventsApplied()).isEqualTo(history.size());
      StationState last = expected.get(expected.size() - 1);
      List<StationState> committed = new java.util.ArrayList<>();
      await().atMost(Duration.ofSeconds(120)).until(() -> {
        committed.clear();
        ProjectionTopics.states(client, topics, Projections.engine()).forEach(c -> committed.add(c.state()));
        return !committed.isEmpty() && committed.get(committed.size() - 1).equals(last);
      });
      System.out.printf("StreamsCrashIT: %d states committed for %d clean ones, caught up %d ms after the last kill%n",
          committed.size(), expected.size(), (System.nanoTime() - t0) / 1_000_000);
      streams.destroy();
      streams.waitFor();
      admin.close();

      assertThat(EndToEndIT.notInCleanFoldOrder(committed, expected)).as("%d kills, seed %d", kills, seed).isEmpty();
      assertThat(EndToEndIT.withoutRun(committed.get(committed.size() - 1)))
          .isEqualTo(Fold.state(history.events()));
      assertThat(EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.deadLetters())).isEmpty();
    }
  }

  /** The committed end (last stable offset) of a topic, summed over its partitions. */
  static long committedEnd(Admin admin, String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().values()
        .stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
  }

  /** What a never-interrupted fold writes: one state per record of the log that moves the clock. */
  static List<StationState> cleanFold(List<ConsumerRecord<String, byte[]>> events) {
    ProjectionEngine engine = Projections.engine();
    List<StationState> out = new ArrayList<>();
    Snapshot state = engine.empty();
    for (ConsumerRecord<String, byte[]> r : events) {
      Outcome o = engine.apply(state, EVENTS.deserialize(r.topic(), r.value()));
      assertThat(o.kind()).isNotEqualTo(Outcome.Kind.REJECTED);
      if (o.clockMoved()) {
        out.add(Composite.state(engine, o.snapshot()));
      }
      state = o.snapshot();
    }
    return out;
  }
}
