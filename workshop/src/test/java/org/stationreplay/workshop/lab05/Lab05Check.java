package org.stationreplay.workshop.lab05;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;
import org.stationreplay.streams.StationStreamsApp;
import org.stationreplay.streams.StreamsSettings;
import org.stationreplay.workshop.LabKit;

/**
 * Lab 5's check: the project's own Streams app folds a replayed log; the learner's poison record must end up in the
 * dead-letter topic (found by the check itself), the learner's reader must find its reason, and the app must still
 * be running.
 */
class Lab05Check {
  @Test
  void shouldSendAPoisonRecordAndFindItsReasonInTheDeadLetterTopic() throws Exception {
    String bootstrap = LabKit.bootstrapServers();
    TopicNames topics = LabKit.replayedLog("lab05");
    String appId = LabKit.unique("lab05", "app");
    StreamsSettings settings = new StreamsSettings(appId, LabKit.client(), Files.createTempDirectory("lab05"),
        Duration.ofMillis(100), topics, StationTopics.DEFAULT_PARTITIONS);
    try (StationStreamsApp app = StationStreamsApp.start(settings)) {
      app.awaitRunning(Duration.ofSeconds(60));

      RecordMetadata poison = PoisonPill.send(bootstrap, topics.events(), StationTopics.ISS);
      assertThat(poison).as("PoisonPill.send returns the RecordMetadata of the record it sent").isNotNull();
      assertThat(poison.topic()).as("the topic PoisonPill.send wrote to").isEqualTo(topics.events());

      ConsumerRecord<byte[], byte[]> letter = deadLetterOf(bootstrap, topics.deadLetters(), poison,
          Duration.ofSeconds(30));
      assertThat(letter)
          .as("No dead letter for partition %d, offset %d of %s after 30 s: the app applied that record (it was a "
              + "valid event the rules accept?) or skipped it. Send something it cannot apply: not JSON, JSON "
              + "that is not an event, or an event the station's rules refuse.", poison.partition(),
              poison.offset(), poison.topic())
          .isNotNull();
      String reason = header(letter, StationTopics.HEADER_DLQ_REASON);

      String yours = PoisonPill.reasonFor(bootstrap, topics.deadLetters(), poison);
      assertThat(yours)
          .as("PoisonPill.reasonFor: the %s header of the dead letter whose %s and %s headers are %d and %d",
              StationTopics.HEADER_DLQ_REASON, StationTopics.HEADER_DLQ_PARTITION, StationTopics.HEADER_DLQ_OFFSET,
              poison.partition(), poison.offset())
          .isEqualTo(reason);
      assertThat(app.streamsState()).as("the app after the poison record: one bad record must not stop a fold")
          .isEqualTo(KafkaStreams.State.RUNNING);
    }
  }

  /** The check's own search, polling until the dead letter is there or the time is up. */
  private static ConsumerRecord<byte[], byte[]> deadLetterOf(String bootstrap, String topic, RecordMetadata poison,
      Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (String.valueOf(poison.offset()).equals(header(r, StationTopics.HEADER_DLQ_OFFSET))
              && String.valueOf(poison.partition()).equals(header(r, StationTopics.HEADER_DLQ_PARTITION))
              && poison.topic().equals(header(r, StationTopics.HEADER_DLQ_TOPIC))) {
            return r;
          }
        }
      }
      return null;
    }
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
