package org.stationreplay.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaClusterIT {

  @Test
  void shouldKeepServingWithOneNodeStoppedAndTakeItBackOnRestart() throws Exception {
    EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3);
    Path data = cluster.dataDir();
    try (cluster; Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      assertThat(admin.describeCluster().nodes().get()).extracting(Node::id).containsExactlyInAnyOrder(0, 1, 2);
      assertThat(admin.describeMetadataQuorum().quorumInfo().get().voters()).hasSize(3);
      // Default replication: 3 replicas, 2 in sync required, and no topic created by accident.
      admin.createTopics(List.of(new NewTopic("history", 1, (short) -1))).all().get();
      // Created means committed by the controller; a broker may answer before its metadata has caught up.
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> describe(admin, "history").partitions().get(0).isr().size() == 3);
      TopicDescription topic = describe(admin, "history");
      assertThat(topic.partitions().get(0).replicas()).hasSize(3);
      assertThat(topicConfig(admin, "history").get("min.insync.replicas").value()).isEqualTo("2");
      assertThat(topicConfig(admin, "history").get("unclean.leader.election.enable").value()).isEqualTo("false");

      try (KafkaProducer<String, String> producer = producer(cluster.bootstrapServers())) {
        producer.send(new ProducerRecord<>("history", "ISS", "Zarya")).get();

        int leader = describe(admin, "history").partitions().get(0).leader().id();
        cluster.stopNode(leader);
        assertThat(cluster.isRunning(leader)).isFalse();
        // The partition has a new leader among the others, with the two of them in sync: acks=all still works.
        producer.send(new ProducerRecord<>("history", "ISS", "Unity")).get();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
          TopicDescription afterStop = describe(admin, "history");
          assertThat(afterStop.partitions().get(0).leader().id()).isNotEqualTo(leader);
          assertThat(afterStop.partitions().get(0).isr()).hasSize(2).extracting(Node::id).doesNotContain(leader);
          assertThat(admin.describeCluster().nodes().get()).hasSize(2);
        });

        cluster.restartNode(leader);
        assertThat(cluster.isRunning(leader)).isTrue();
        producer.send(new ProducerRecord<>("history", "ISS", "Zvezda")).get();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
            .until(() -> describe(admin, "history").partitions().get(0).isr().size() == 3);
      }
      assertThat(readAll(cluster.bootstrapServers(), "history"))
          .extracting(ConsumerRecord::value).containsExactly("Zarya", "Unity", "Zvezda");
      assertThatThrownBy(() -> cluster.restartNode(0)).isInstanceOf(IllegalStateException.class);
    }
    cluster.close();
    assertThat(Files.exists(data)).isFalse();
    assertThatThrownBy(() -> cluster.stopNode(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldStartASingleNodeClusterWithOneReplica() throws Exception {
    try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(1);
        Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("one", 1, (short) -1))).all().get();
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> describe(admin, "one").partitions().size() == 1);
      assertThat(describe(admin, "one").partitions().get(0).replicas()).hasSize(1);
      assertThat(topicConfig(admin, "one").get("min.insync.replicas").value()).isEqualTo("1");
    }
  }

  private static TopicDescription describe(Admin admin, String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
  }

  private static Config topicConfig(Admin admin, String topic) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(r)).all().get().get(r);
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
  }

  private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long end = c.endOffsets(List.of(tp)).get(tp);
      long deadline = System.currentTimeMillis() + 30_000;
      while (c.position(tp) < end && System.currentTimeMillis() < deadline) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }
}
