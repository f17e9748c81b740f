package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.stationreplay.projections.Fold;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.streams.StationStreamsApp;
import org.stationreplay.streams.StreamsSettings;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same pipeline against Apache Kafka's official image, for machines with Docker. Without Docker it is
 * reported as skipped; the embedded-broker tests are the coverage that always runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerBrokerIT {
  @Container
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.4.0");

  @Test
  void shouldFoldAReplayOnTheOfficialImageToTheOfflineFold() throws Exception {
    Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers());
    History history = HistoryReader.bundled();
    TopicNames topics = TopicNames.prefixed("container-");
    try (StationStreamsApp app = StationStreamsApp.start(new StreamsSettings("container-app", client,
        Path.of("target", "it-state", "container"), Duration.ofMillis(100), topics, 3))) {
      app.awaitRunning(Duration.ofSeconds(60));
      ReplayJob.run(client, ReplayRequest.once(history, Speed.MAX, StationTopics.ISS),
          ReplayClock.SYSTEM, ReplayListener.NONE, topics, 3);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(app.state(StationTopics.ISS).map(EndToEndIT::withoutRun))
              .hasValue(Fold.state(history.events())));
    }
  }
}
