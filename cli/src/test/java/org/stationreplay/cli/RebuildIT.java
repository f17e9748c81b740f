package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.Json;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.state.StationState;
import org.stationreplay.streams.StationService;
import org.stationreplay.streams.StreamsSettings;
import org.stationreplay.projections.Projections;
import org.stationreplay.streams.ProjectionTopics;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * The log is the truth: after a full replay, {@code ./station rebuild} throws the Streams app's state away and
 * refolds everything to the same state; the states it keeps for every year end match the checked-in golden files.
 */
class RebuildIT {
  @Test
  void shouldRebuildTheSameStateFromTheLogAndMatchTheGoldenFiles() throws Exception {
    History history = HistoryReader.bundled();
    String prefix = "rebuild-" + System.nanoTime() + "-";
    TopicNames topics = TopicNames.prefixed(prefix);
    Path stateDir = Path.of("target", "it-state", prefix);
    String appId = prefix + "app";
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      StationState before;
      try (StationService service = StationService.start(new StreamsSettings(appId, client, stateDir,
          Duration.ofMillis(100), topics, 3), "127.0.0.1", 0, Duration.ofSeconds(60))) {
        ReplayJob.run(client, ReplayRequest.once(history, Speed.MAX, StationTopics.ISS), ReplayClock.SYSTEM,
            ReplayListener.NONE, topics, 3);
        await().atMost(Duration.ofSeconds(120)).until(() -> service.streams().state(StationTopics.ISS)
            .map(StationState::eventsApplied).orElse(0L) == history.size());
        before = service.streams().state(StationTopics.ISS).orElseThrow();

        // Golden files: the state at every year end, refolded from the run log (time travel), as checked in.
        for (int year = 1998; year <= 2020; year++) {
          Instant end = Instant.parse(year + "-12-31T23:59:59.999Z");
          String golden = Files.readString(Path.of("..", "history", "golden", "state-" + year + "-12-31.json"));
          StationState expected = Json.mapper().readValue(golden, StationState.class);
          assertThat(service.streams().stateAt(StationTopics.ISS, end).map(EndToEndIT::withoutRun))
              .as("end of %d", year).hasValue(expected);
        }
      }

      StationCliTest.Run rebuild = StationCliTest.run("rebuild", "--bootstrap-servers", broker.bootstrapServers(),
          "--topic-prefix", prefix, "--application-id", appId, "--state-dir", stateDir.toString());
      assertThat(rebuild.exitCode()).as(rebuild.out() + rebuild.err()).isZero();
      assertThat(rebuild.out()).contains("Rebuilt state is identical to the state before.")
          .contains(history.size() + " events");
      assertThat(ProjectionTopics.latestStates(client, topics, Projections.engine()))
          .containsEntry(StationTopics.ISS, before);

      StationCliTest.Run again = StationCliTest.run("rebuild", "--bootstrap-servers", broker.bootstrapServers(),
          "--topic-prefix", prefix, "--application-id", appId, "--state-dir", stateDir.toString());
      assertThat(again.exitCode()).as("rebuilding twice changes nothing").isZero();
    }
  }
}
