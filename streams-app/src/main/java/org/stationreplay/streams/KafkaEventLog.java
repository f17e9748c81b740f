package org.stationreplay.streams;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** {@link EventLog} on Kafka: a consumer without a group, read_committed, assigned one partition. */
public final class KafkaEventLog implements EventLog {
  private final Map<String, Object> clientConfig;
  private final String topic;

  public KafkaEventLog(Map<String, Object> clientConfig, String topic) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.topic = topic;
  }

  @Override
  public Reader open(int partition, long from) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "station-event-log-" + topic + "-" + partition);
    KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    TopicPartition tp = new TopicPartition(topic, partition);
    consumer.assign(List.of(tp));
    consumer.seek(tp, from);
    return new Reader() {
      private final Deque<ConsumerRecord<String, byte[]>> buffered = new ArrayDeque<>();
      private long position = from;

      @Override
      public List<ConsumerRecord<String, byte[]>> next(long until, int max) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (out.size() < max && position < until) {
          if (buffered.isEmpty()) {
            consumer.poll(Duration.ofMillis(100)).forEach(buffered::add);
            if (buffered.isEmpty()) {
              // Transaction markers take offsets too: the consumer's position can pass 'until' with no record.
              position = Math.max(position, consumer.position(tp));
              if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no record of " + tp + " between " + position + " and " + until
                    + " after 10 s");
              }
              continue;
            }
          }
          ConsumerRecord<String, byte[]> r = buffered.peekFirst();
          if (r.offset() >= until) {
            position = until;
            break;
          }
          out.add(buffered.pollFirst());
          position = r.offset() + 1;
        }
        return out;
      }

      @Override
      public long position() {
        return position;
      }

      @Override
      public void close() {
        consumer.close(Duration.ofSeconds(5));
      }
    };
  }

  @Override
  public long end(int partition) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, partition);
      return consumer.endOffsets(List.of(tp)).get(tp);
    }
  }

  @Override
  public OptionalLong committed(String groupId, int partition) {
    try (Admin admin = Admin.create(clientConfig)) {
      OffsetAndMetadata o = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get()
          .get(new TopicPartition(topic, partition));
      return o == null ? OptionalLong.empty() : OptionalLong.of(o.offset());
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of " + groupId + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
