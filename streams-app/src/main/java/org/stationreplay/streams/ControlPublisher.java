package org.stationreplay.streams;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stationreplay.control.ControlCommand;
import org.stationreplay.json.Json;

/** Appends replay commands to {@code station.control}; the producer applies them in log order. */
public final class ControlPublisher implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final String topic;

  public ControlPublisher(Map<String, Object> clientConfig, String topic) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "station-control");
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    this.topic = topic;
  }

  /** @return where the command now sits in the control log */
  public FeedPosition publish(String station, ControlCommand command)
      throws InterruptedException, ExecutionException, TimeoutException {
    RecordMetadata m = producer.send(new ProducerRecord<>(topic, station,
        Json.write(command).getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
    return new FeedPosition(m.partition(), m.offset());
  }

  /** The producer, for its client metrics. */
  KafkaProducer<String, byte[]> producer() {
    return producer;
  }

  @Override
  public void close() {
    producer.close();
  }
}
