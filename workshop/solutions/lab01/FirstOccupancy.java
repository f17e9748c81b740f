package org.stationreplay.workshop.lab01;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.Role;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.EventCodec;

/** Lab 1, a reference solution. */
public final class FirstOccupancy {
  private FirstOccupancy() {}

  public static Instant find(String bootstrapServers, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    // The replay writes in transactions: read only what was committed.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      // No consumer group: assign every partition and read each from its first offset to its end.
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      Instant first = null;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          StationEvent event = EventCodec.read(record.value());
          if (event instanceof CrewArrived arrived
              && arrived.crew().stream().anyMatch(m -> m.role() == Role.EXPEDITION)
              && (first == null || arrived.time().isBefore(first))) {
            first = arrived.time();
          }
        }
      }
      return first;
    }
  }
}
