package org.stationreplay.producer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.stationreplay.events.EventType;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.JsonSerde;

/**
 * Finds where a replay stopped by reading the log itself: the last run marker of the station on
 * {@code station.events} and the last history event committed after it. The position comes from the topic, not
 * from a file the producer might not have written before it died.
 */
public final class ResumeLocator {
  private ResumeLocator() {}

  /**
   * @return empty if the station has no run on the topic (then start normally)
   * @throws IllegalStateException if the last event on the topic is not in {@code history}
   */
  public static Optional<ResumePoint> locate(Map<String, Object> clientConfig, String topic, String key,
      List<StationEvent> history) {
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < history.size(); i++) {
      indexOf.put(history.get(i).id(), i);
    }
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    JsonSerde<StationEvent> serde = JsonSerde.of(StationEvent.class);
    String run = null;
    String lastEvent = null;
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (!key.equals(r.key()) || r.value() == null) {
            continue;
          }
          StationEvent e;
          try {
            e = serde.deserialize(topic, r.value());
          } catch (RuntimeException unreadable) {
            continue; // not ours to judge here: the Streams app sends it to the dead-letter topic
          }
          EventType type = EventType.of(e);
          if (type == EventType.REPLAY_STARTED) {
            run = e.id();
            lastEvent = null;
          } else if (type != EventType.CLOCK_TICKED) {
            lastEvent = e.id();
          }
        }
      }
    }
    if (run == null) {
      return Optional.empty();
    }
    if (lastEvent == null) {
      return Optional.of(new ResumePoint(run, 0));
    }
    Integer index = indexOf.get(lastEvent);
    if (index == null) {
      throw new IllegalStateException("cannot resume: the last event on " + topic + " (" + lastEvent
          + ") is not in this history");
    }
    return Optional.of(new ResumePoint(run, index + 1));
  }
}
