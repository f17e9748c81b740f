package org.stationreplay.producer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.BlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.control.ControlCommand;
import org.stationreplay.control.ControlCommands;

/**
 * Reads the replay's commands from {@code station.control}, in log order, from the moment the replay starts (what
 * was commanded to an earlier replay does not apply to this one), and hands them to the engine. A command that
 * cannot be read, or says something out of range (see
 * {@link ControlCommands}), is logged with its offset and skipped: never fatal.
 */
public final class ControlListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlListener.class);

  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;

  public ControlListener(Map<String, Object> clientConfig, String topic, String key,
      BlockingQueue<ControlCommand> commands) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // fix the starting point now, before the replay starts
    thread = new Thread(() -> poll(key, commands), "replay-control");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll(String key, BlockingQueue<ControlCommand> commands) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (!key.equals(r.key())) {
            continue;
          }
          ControlCommand command;
          try {
            // Other clients write to this topic too: their records get the same rules as the HTTP API's.
            command = ControlCommands.read(r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
          } catch (RuntimeException e) {
            log.warn("Skipping command {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            continue;
          }
          commands.put(command);
        }
      }
    } catch (WakeupException | InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
      // stopping
    } finally {
      consumer.close(); // with the interrupt flag clear, or close() itself would throw
    }
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join(5_000);
  }
}
