package org.stationreplay.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {
  @TempDir Path dir;

  @Test
  void shouldProduceAndConsumeARecordStampedIn1998AndKeepTopicsAcrossRestarts() throws Exception {
    Path data = dir.resolve("kafka");
    long zarya = java.time.Instant.parse("1998-11-20T06:40:00Z").toEpochMilli();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, data, Map.of())) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("history", 1, (short) 1)
            .configs(Map.of("retention.ms", "-1")))).all().get();
      }
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
          new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("history", null, zarya, "ISS", "Zarya")).get();
      }
      assertThat(readAll(broker.bootstrapServers())).singleElement()
          .satisfies(r -> assertThat(r.timestamp()).isEqualTo(zarya));
    }
    assertThat(Files.exists(data.resolve("server.properties"))).isTrue();

    try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(0, data, Map.of())) {
      assertThat(readAll(again.bootstrapServers())).extracting(ConsumerRecord::value).containsExactly("Zarya");
    }
  }

  @Test
  void shouldDeleteATemporaryDataDirectoryOnClose() {
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
    Path data = broker.dataDir();
    broker.close();
    broker.close();
    assertThat(Files.exists(data)).isFalse();
  }

  private static List<ConsumerRecord<String, String>> readAll(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      c.subscribe(List.of("history"));
      List<ConsumerRecord<String, String>> out = new java.util.ArrayList<>();
      long deadline = System.currentTimeMillis() + 30_000;
      while (out.isEmpty() && System.currentTimeMillis() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      return out;
    }
  }
}
