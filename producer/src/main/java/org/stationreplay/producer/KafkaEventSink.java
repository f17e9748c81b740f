package org.stationreplay.producer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.events.ClockTicked;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * Writes a replay to Kafka through one idempotent producer with {@code acks=all}: events and the
 * replay's clock ticks to {@code station.events} (key = station id, record timestamp = event time, headers with
 * the type and schema version), and status reports to {@code station.replay-status}.
 */
public final class KafkaEventSink implements EventSink {
  private final Producer<String, byte[]> producer;
  private final TopicNames topics;
  private final JsonSerde<StationEvent> serde = JsonSerde.of(StationEvent.class);
  private volatile RuntimeException failure;

  public KafkaEventSink(Producer<String, byte[]> producer, TopicNames topics) {
    this.producer = producer;
    this.topics = topics;
  }

  public static KafkaEventSink create(Map<String, Object> clientConfig, TopicNames topics, boolean throughput) {
    return new KafkaEventSink(
        new KafkaProducer<>(producerConfig(clientConfig, throughput), new StringSerializer(), new ByteArraySerializer()),
        topics);
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
    RuntimeException error = failure;
    if (error != null) {
      throw error;
    }
    RecordHeaders headers = new RecordHeaders();
    headers.add(StationTopics.HEADER_EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
    headers.add(StationTopics.HEADER_SCHEMA_VERSION,
        String.valueOf(event.schemaVersion()).getBytes(StandardCharsets.UTF_8));
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topics.events(), null, event.time().toEpochMilli(),
        key, serde.serialize(topics.events(), event), headers);
    producer.send(record, (metadata, e) -> failed("event " + event.id(), e));
  }

  @Override
  public void tick(String key, Instant time, String run) {
    send(key, new ClockTicked("tick-" + time.toString().substring(0, 10) + "-" + run, time,
        StationEvent.CURRENT_SCHEMA_VERSION, ReplayEngine.MARKER_SOURCE, null, null, run));
  }

  @Override
  public void status(String key, ReplayStatus status) {
    producer.send(new ProducerRecord<>(topics.replayStatus(), key, Json.write(status).getBytes(StandardCharsets.UTF_8)),
        (m, e) -> failed("status", e));
  }

  private void failed(String what, Exception e) {
    if (e != null && failure == null) {
      failure = new IllegalStateException("sending " + what + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void flush() {
    producer.flush();
    RuntimeException error = failure;
    if (error != null) {
      throw error;
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
