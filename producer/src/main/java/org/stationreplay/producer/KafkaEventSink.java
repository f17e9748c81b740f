package org.stationreplay.producer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.events.ClockTicked;
import org.stationreplay.events.EventType;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.Json;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * Writes a replay to Kafka through one transactional producer ({@code acks=all}, idempotent): events and the
 * replay's clock ticks to {@code station.events} (key = station id, record timestamp = event time, headers with
 * the type and schema version), and status reports to {@code station.replay-status}.
 *
 * <p>Transactions make a crash harmless: the transactional id is fixed per station, so a replay that starts again
 * fences its dead predecessor and aborts whatever it left half-written, and {@code --resume} then reads exactly
 * what was committed. Read-committed readers (the Streams app) never see an event twice.
 */
public final class KafkaEventSink implements EventSink {
  private static final Map<EventType, byte[]> TYPE_HEADERS = new java.util.EnumMap<>(EventType.class);
  private static final byte[][] VERSION_HEADERS = new byte[10][];

  static {
    for (EventType t : EventType.values()) {
      TYPE_HEADERS.put(t, t.wireName().getBytes(StandardCharsets.UTF_8));
    }
    for (int v = 0; v < VERSION_HEADERS.length; v++) {
      VERSION_HEADERS[v] = String.valueOf(v).getBytes(StandardCharsets.UTF_8);
    }
  }

  private final Producer<String, byte[]> producer;
  private final TopicNames topics;
  private final EventEncoder encoder;
  private final int maxPerTransaction;
  private volatile RuntimeException failure;
  private boolean inTransaction;
  private int pending;
  private long transactionStart;
  /** At max speed a transaction is committed at least this often (ProducerPerformance's --transaction-duration-ms). */
  public static final long MAX_TRANSACTION_MILLIS = 100;
  private static final long MAX_TRANSACTION_NANOS = MAX_TRANSACTION_MILLIS * 1_000_000;

  public KafkaEventSink(Producer<String, byte[]> producer, TopicNames topics, int maxPerTransaction,
      EventEncoder encoder) {
    this.producer = producer;
    this.topics = topics;
    this.maxPerTransaction = maxPerTransaction;
    this.encoder = encoder;
    producer.initTransactions(); // fences an earlier replay of the same station and aborts what it left open
  }

  public static KafkaEventSink create(Map<String, Object> clientConfig, TopicNames topics, String key,
      boolean throughput) {
    return create(clientConfig, topics, key, throughput, EventEncoder.cachedJson());
  }

  public static KafkaEventSink create(Map<String, Object> clientConfig, TopicNames topics, String key,
      boolean throughput, EventEncoder encoder) {
    return new KafkaEventSink(new KafkaProducer<>(producerConfig(clientConfig, topics, key, throughput),
        new StringSerializer(), new ByteArraySerializer()), topics, throughput ? 100_000 : 500, encoder);
  }

  /** The transactional id of a station's replay: one writer per station at a time. */
  public static String transactionalId(TopicNames topics, String key) {
    return "station-replay:" + topics.events() + ":" + key;
  }

  /**
   * Transactional, so idempotent with {@code acks=all}. A paced replay sends at once ({@code linger.ms=0}); a
   * replay at max speed batches ({@code linger.ms=5}, 64 KB batches) for throughput.
   */
  public static Map<String, Object> producerConfig(Map<String, Object> clientConfig, TopicNames topics, String key,
      boolean throughput) {
    Map<String, Object> p = new HashMap<>(clientConfig);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(topics, key));
    // Right after a commit the broker answers CONCURRENT_TRANSACTIONS until its markers are written; with several
    // requests in flight the later ones fail with OUT_OF_ORDER_SEQUENCE_NUMBER, which is fatal in a transaction.
    // One in flight, and a quick retry (as in the Streams app, see docs/decisions.md).
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 5);
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "station-replay");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, throughput ? 5 : 0);
    p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    return p;
  }

  @Override
  public void send(String key, StationEvent event) {
    RecordHeaders headers = new RecordHeaders();
    EventType type = EventType.of(event);
    headers.add(StationTopics.HEADER_EVENT_TYPE, TYPE_HEADERS.get(type));
    headers.add(StationTopics.HEADER_SCHEMA_VERSION, event.schemaVersion() < VERSION_HEADERS.length
        ? VERSION_HEADERS[event.schemaVersion()] : String.valueOf(event.schemaVersion()).getBytes(StandardCharsets.UTF_8));
    write(new ProducerRecord<>(topics.events(), null, event.time().toEpochMilli(), key, encoder.encode(event),
        headers), "event " + event.id());
  }

  @Override
  public void tick(String key, Instant time, String run) {
    send(key, new ClockTicked("tick-" + time.toString().substring(0, 10) + "-" + run, time,
        StationEvent.CURRENT_SCHEMA_VERSION, ReplayEngine.MARKER_SOURCE, null, null, run));
  }

  @Override
  public void status(String key, ReplayStatus status) {
    write(new ProducerRecord<>(topics.replayStatus(), key, Json.write(status).getBytes(StandardCharsets.UTF_8)),
        "status");
  }

  private void write(ProducerRecord<String, byte[]> record, String what) {
    RuntimeException error = failure;
    if (error != null) {
      throw error;
    }
    if (!inTransaction) {
      producer.beginTransaction();
      inTransaction = true;
      transactionStart = System.nanoTime();
    }
    producer.send(record, (m, e) -> {
      if (e != null && failure == null) {
        failure = new IllegalStateException("sending " + what + " failed: " + e.getMessage(), e);
      }
    });
    if (++pending >= maxPerTransaction || System.nanoTime() - transactionStart > MAX_TRANSACTION_NANOS) {
      flush();
    }
  }

  @Override
  public boolean hasPending() {
    return inTransaction;
  }

  /** Commits what was sent: from here on read-committed readers see it. */
  @Override
  public void flush() {
    if (!inTransaction) {
      return;
    }
    try {
      producer.commitTransaction();
    } catch (ProducerFencedException e) {
      throw new IllegalStateException("another replay of this station took over (transactional id fenced)", e);
    } finally {
      inTransaction = false;
      pending = 0;
    }
    RuntimeException error = failure;
    if (error != null) {
      throw error;
    }
  }

  @Override
  public void close() {
    try {
      if (inTransaction) {
        producer.abortTransaction();
      }
    } catch (RuntimeException ignored) {
      // closing anyway
    }
    producer.close();
  }
}
