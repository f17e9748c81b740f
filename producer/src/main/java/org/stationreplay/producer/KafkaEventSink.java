package org.stationreplay.producer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.topics.StationTopics;

/**
 * Sends events to {@code station.events}: key = station id, record timestamp = event time, headers with the type
 * and schema version, through an idempotent producer with {@code acks=all}.
 */
public final class KafkaEventSink implements EventSink {
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final JsonSerde<StationEvent> serde = JsonSerde.of(StationEvent.class);
  private volatile RuntimeException failure;

  public KafkaEventSink(Producer<String, byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  public static KafkaEventSink create(Map<String, Object> clientConfig, String topic, boolean throughput) {
    return new KafkaEventSink(
        new KafkaProducer<>(producerConfig(clientConfig, throughput), new StringSerializer(), new ByteArraySerializer()),
        topic);
  }

  /**
   * Idempotent and {@code acks=all} always. A paced replay sends at once ({@code linger.ms=0}); a replay at
   * max speed batches ({@code linger.ms=5}, 64 KB batches) for throughput.
   */
  public static Map<String, Object> producerConfig(Map<String, Object> clientConfig, boolean throughput) {
    Map<String, Object> p = new HashMap<>(clientConfig);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "station-replay");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, throughput ? 5 : 0);
    p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    return p;
  }

  @Override
  public void send(String key, StationEvent event) {
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
    RecordHeaders headers = new RecordHeaders();
    headers.add(StationTopics.HEADER_EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
    headers.add(StationTopics.HEADER_SCHEMA_VERSION,
        String.valueOf(event.schemaVersion()).getBytes(StandardCharsets.UTF_8));
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, event.time().toEpochMilli(), key,
        serde.serialize(topic, event), headers);
    producer.send(record, (metadata, e) -> {
      if (e != null && failure == null) {
        failure = new IllegalStateException("sending event " + event.id() + " failed: " + e.getMessage(), e);
      }
    });
  }

  @Override
  public void flush() {
    producer.flush();
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
