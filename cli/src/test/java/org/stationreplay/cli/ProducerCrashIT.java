package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.events.EventType;
import org.stationreplay.events.StationEvent;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.topics.TopicNames;

/**
 * The producer is killed with SIGKILL mid-replay; {@code ./station replay --resume} carries on from the log
 * itself. The topic must end with every event of the history exactly once, in order, in one run.
 */
class ProducerCrashIT {
  private static final JsonSerde<StationEvent> EVENTS = JsonSerde.of(StationEvent.class);

  @Test
  void shouldResumeAfterAKilledProducerWithEveryEventExactlyOnce() throws Exception {
    History history = HistoryReader.bundled();
    String prefix = "producer-crash-" + System.nanoTime() + "-";
    TopicNames topics = TopicNames.prefixed(prefix);
    Path logs = Path.of("target", "crash-logs", prefix);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      String[] replay = {"replay", "--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix", prefix,
          "--speed", "2e7", "--max-gap", "30ms"};
      Process first = StationProcess.start(logs.resolve("replay.log"), replay);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
          historyEvents(EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.events())).size() > 300);
      StationProcess.kill(first);
      int before = historyEvents(EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.events())).size();
      assertThat(before).isLessThan(history.size());

      Process resumed = StationProcess.start(logs.resolve("resume.log"), concat(replay, "--resume"));
      assertThat(resumed.waitFor(180, TimeUnit.SECONDS)).as("resumed replay finished").isTrue();
      assertThat(resumed.exitValue()).isZero();

      List<StationEvent> log = EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.events()).stream()
          .map(r -> EVENTS.deserialize(r.topic(), r.value())).toList();
      assertThat(log.stream().filter(e -> EventType.of(e) == EventType.REPLAY_STARTED)).as("one run").hasSize(1);
      assertThat(historyEvents(log.stream().map(e -> (Object) e).toList())).as("every event once, in order")
          .containsExactlyElementsOf(history.events());
    }
  }

  /** The history events of a log, without the replay's markers and clock ticks. */
  @SuppressWarnings("unchecked")
  private static List<StationEvent> historyEvents(List<?> records) {
    return records.stream()
        .map(r -> r instanceof ConsumerRecord<?, ?> c
            ? EVENTS.deserialize(c.topic(), (byte[]) ((ConsumerRecord<String, byte[]>) c).value())
            : (StationEvent) r)
        .filter(e -> EventType.of(e) != EventType.REPLAY_STARTED && EventType.of(e) != EventType.CLOCK_TICKED)
        .toList();
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
