package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.projections.Fold;
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
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * Garbage written to {@code station.events} by an outside client, of every kind, lands in the dead-letter topic
 * with its reason; the state stays the offline fold, the app keeps running, and the counter says how many.
 */
class GarbageIT {
  private static final String SOURCE = "\"schemaVersion\":1,\"source\":{\"title\":\"prank\",\"url\":\"https://example.org\"}";

  @Test
  void shouldSendEveryKindOfGarbageToTheDeadLetterTopicAndKeepTheState() throws Exception {
    History history = HistoryReader.bundled();
    String prefix = "garbage-" + System.nanoTime() + "-";
    TopicNames topics = TopicNames.prefixed(prefix);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      try (StationService service = StationService.start(new StreamsSettings(prefix + "app", client,
          Path.of("target", "it-state", prefix), Duration.ofMillis(100), topics, 3), "127.0.0.1", 0,
          Duration.ofSeconds(60))) {
        ReplayJob.run(client, ReplayRequest.once(history, Speed.MAX, StationTopics.ISS), ReplayClock.SYSTEM,
            ReplayListener.NONE, topics, 3);
        StationState expected = Fold.state(history.events());
        await().atMost(Duration.ofSeconds(120)).until(() -> service.streams().state(StationTopics.ISS)
            .map(EndToEndIT::withoutRun).filter(expected::equals).isPresent());

        String last = Json.write(history.events().get(history.size() - 1));
        List<String> garbage = List.of(
            "{\"id\": \"half a rec",
            "{\"id\":\"x-1\",\"type\":\"StationExploded\",\"time\":\"2022-01-01T00:00:00Z\"," + SOURCE + "}",
            "{\"id\":\"x-2\",\"type\":\"CrewArrived\",\"time\":\"2022-01-01T00:00:00Z\"," + SOURCE
                + ",\"vehicle\":\"Soyuz MS-19\",\"crew\":[{\"name\":\"Marvin\",\"agency\":\"MARS\",\"role\":\"visitor\"}]}",
            "{\"id\":\"x-3\",\"type\":\"CrewDeparted\",\"time\":\"2022-01-01T00:00:00Z\"," + SOURCE
                + ",\"vehicle\":\"Soyuz MS-19\",\"crew\":[\"Yuri Gagarin\"]}",
            last,
            "{\"id\":\"x-4\",\"type\":\"VehicleDeparted\",\"time\":\"1999-01-01T00:00:00Z\"," + SOURCE
                + ",\"vehicle\":\"Soyuz MS-19\"}",
            "{\"id\":\"x-5\",\"type\":\"VehicleDeparted\",\"time\":\"2999-01-01T00:00:00Z\"," + SOURCE
                + ",\"vehicle\":\"Soyuz MS-19\"}");
        try (KafkaProducer<String, String> outsider = new KafkaProducer<>(Map.<String, Object>of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
            new StringSerializer())) {
          for (String g : garbage) {
            outsider.send(new ProducerRecord<>(topics.events(), StationTopics.ISS, g)).get();
          }
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
            EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.deadLetters()).size() == garbage.size());
        List<ConsumerRecord<String, byte[]>> dead = EndToEndIT.readAllFrom(broker.bootstrapServers(),
            topics.deadLetters());
        assertThat(dead).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
            .containsExactlyElementsOf(garbage);
        assertThat(dead).extracting(r -> new String(r.headers().lastHeader(StationTopics.HEADER_DLQ_REASON).value(),
            StandardCharsets.UTF_8)).satisfiesExactly(
                r -> assertThat(r).startsWith("malformed JSON"),
                r -> assertThat(r).contains("unknown event type 'StationExploded'"),
                r -> assertThat(r).contains("unknown agency 'MARS'"),
                r -> assertThat(r).contains("Yuri Gagarin is not aboard"),
                r -> assertThat(r).contains("duplicate event id"),
                r -> assertThat(r).contains("is earlier than the last applied event"),
                r -> assertThat(r).contains("is in the future"));
        assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader(StationTopics.HEADER_DLQ_OFFSET)).isNotNull());

        assertThat(service.streams().state(StationTopics.ISS).map(EndToEndIT::withoutRun)).hasValue(expected);
        assertThat(service.streams().streamsState().name()).isEqualTo("RUNNING");
        String health = EndToEndIT.get(URI.create("http://127.0.0.1:" + service.httpPort() + "/api/health")).body();
        assertThat(health).contains("\"deadLetters\":7").contains("RUNNING");
      }
    }
  }
}
