package org.stationreplay.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import org.stationreplay.projection.Clock;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projections.Projections;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.TopicNames;

/**
 * Follows the fold's topics ({@code station.projection.clock} and every projection's {@code station.projection.*})
 * and {@code station.replay-status} as a read-committed consumer, puts each state back together
 * ({@link CompositeAssembler}) and fans every one out to dashboards, tagged with its clock record's position. It
 * runs beside the Streams app, on its own consumer and thread, so however many dashboards connect, the fold does not
 * slow down.
 *
 * <p>For each replay it keeps the latest state, the last {@code bufferSize} states (so a client that reconnects with
 * its last position gets every state after it, no gap and no duplicate) and a series of counts since the replay last
 * started (for charts). It also keeps the latest status of every projection in every partition
 * ({@code station.projection-status}).
 */
public final class StateFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StateFeed.class);
  /** How long a clock record may wait for a projection's record before the feed asks whether it can still come. */
  static final Duration PATIENCE = Duration.ofMillis(500);
  private static final java.util.concurrent.atomic.AtomicInteger FEEDS = new java.util.concurrent.atomic.AtomicInteger();

  /** One entry of the feed. */
  record Entry(FeedPosition position, String json, boolean reset) {}

  /** A point of the charts. */
  public record Point(Instant t, int people, int expeditionCrew, int modules) {}

  private static final class Station {
    final Deque<Entry> buffer = new ArrayDeque<>();
    final List<Point> series = new ArrayList<>();
    final List<FeedSubscriber> subscribers = new CopyOnWriteArrayList<>();
    Entry latest;
    String statusJson;
    long bufferedChars;
    /** The replay's clock and the state's asOf, for /metrics (read without the lock). */
    volatile ReplayTimes times = ReplayTimes.NONE;
    /** What the last status says the replay is doing, read once as it arrives (for health and commands). */
    volatile ReplayCondition condition;
  }

  /** A replay's state as its last status gives it ({@code PLAYING}, {@code FAILED}...), and why it failed if so. */
  public record ReplayCondition(String state, String reason) {}

  /**
   * The states kept for Last-Event-ID resume, all replays together: a state is ~10 KB of JSON, and 30 replays of
   * 5,000 states each would need 1.5 GB. Each replay gets an equal share (at least its latest state); a client
   * that falls further behind than its replay's share starts again from the latest state.
   */
  static final long BUFFER_CHARS = 64L * 1024 * 1024;

  private final Map<String, Station> stations = new ConcurrentHashMap<>();
  private final Map<String, ProjectionStatus> projectionStatus = new ConcurrentHashMap<>();
  private final ProjectionEngine engine;
  private final CompositeAssembler assembler;
  private final JsonSerde<Clock> clockSerde = JsonSerde.of(Clock.class);
  private final JsonSerde<ProjectionStatus> statusSerde = JsonSerde.of(ProjectionStatus.class);
  private final Map<String, Integer> projectionOfTopic = new HashMap<>();
  private final List<JsonSerde<?>> valueSerdes = new ArrayList<>();
  private final Map<Integer, List<TopicPartition>> partitionsOfProjection = new HashMap<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final TopicNames topics;
  private final int bufferSize;
  private final Thread thread;
  private final CountDownLatch caughtUp = new CountDownLatch(1);

  public StateFeed(Map<String, Object> clientConfig, TopicNames topics, int bufferSize) {
    this(clientConfig, topics, bufferSize, Projections.engine());
  }

  public StateFeed(Map<String, Object> clientConfig, TopicNames topics, int bufferSize, ProjectionEngine engine) {
    this.topics = topics;
    this.bufferSize = bufferSize;
    this.engine = engine;
    this.assembler = new CompositeAssembler(engine);
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    // Its metrics' client_id; a second feed in one process (tests) gets its own, as Kafka's JMX names must differ.
    int feeds = FEEDS.incrementAndGet();
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, feeds == 1 ? "station-feed" : "station-feed-" + feeds);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<String> followed = new ArrayList<>(List.of(topics.clock(), topics.replayStatus(), topics.projectionStatus()));
    for (int i = 0; i < engine.size(); i++) {
      String topic = topics.projection(engine.projection(i).name());
      projectionOfTopic.put(topic, i);
      valueSerdes.add(JsonSerde.of(engine.projection(i).valueType()));
      followed.add(topic);
    }
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : followed) {
      consumer.partitionsFor(topic).forEach(p -> {
        TopicPartition tp = new TopicPartition(topic, p.partition());
        partitions.add(tp);
        Integer projection = projectionOfTopic.get(topic);
        if (projection != null) {
          partitionsOfProjection.computeIfAbsent(projection, k -> new ArrayList<>()).add(tp);
        }
      });
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    thread = new Thread(() -> run(end), "state-feed");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(Map<TopicPartition, Long> initialEnd) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          if (r.key() == null || r.value() == null) {
            continue;
          }
          try {
            onRecord(r);
          } catch (RuntimeException e) {
            log.warn("Skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
          }
        }
        if (assembler.waiting()) {
          publish(assembler.release(this::readToEnd, System.nanoTime() - PATIENCE.toNanos()));
        }
        if (caughtUp.getCount() > 0 && initialEnd.entrySet().stream()
            .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      log.error("State feed stopped: {}", e.getMessage(), e);
    } finally {
      consumer.close();
    }
  }

  private void onRecord(ConsumerRecord<String, byte[]> r) {
    Integer projection = projectionOfTopic.get(r.topic());
    if (projection != null) {
      Object value = valueSerdes.get(projection).deserialize(r.topic(), r.value());
      publish(assembler.onProjection(r.key(), projection, value, header(r, StationTopics.HEADER_CHANGE)));
    } else if (r.topic().equals(topics.clock())) {
      Clock clock = clockSerde.deserialize(r.topic(), r.value());
      publish(assembler.onClock(r.key(), new FeedPosition(r.partition(), r.offset()), clock,
          header(r, StationTopics.HEADER_CHANGE), header(r, StationTopics.HEADER_CHANGED), System.nanoTime()));
    } else if (r.topic().equals(topics.replayStatus())) {
      onStatus(r.key(), new String(r.value(), StandardCharsets.UTF_8));
    } else if (r.topic().equals(topics.projectionStatus())) {
      projectionStatus.put(r.key(), statusSerde.deserialize(r.topic(), r.value()));
    }
  }

  /** Whether the feed has read every committed record of projection {@code index}'s topic. */
  private boolean readToEnd(int index) {
    for (TopicPartition tp : partitionsOfProjection.getOrDefault(index, List.of())) {
      java.util.OptionalLong lag = consumer.currentLag(tp);
      if (lag.isEmpty() || lag.getAsLong() > 0) {
        return false;
      }
    }
    return true;
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    org.apache.kafka.common.header.Header h = r.headers().lastHeader(name);
    return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
  }

  private void publish(List<CompositeAssembler.Composed> composed) {
    for (CompositeAssembler.Composed c : composed) {
      onState(c);
    }
  }

  private void onState(CompositeAssembler.Composed c) {
    StationState state = c.state();
    Entry entry = new Entry(c.position(), c.json(), c.reset());
    Station s = station(c.replay());
    synchronized (s) {
      if (c.reset()) {
        s.series.clear();
      } else if (state.asOf() != null) {
        s.series.add(new Point(state.asOf(), state.peopleAboard(), state.expeditionCrew(), state.moduleCount()));
      }
      if (state.asOf() != null) {
        s.times = s.times.withAsOf(state.asOf());
      }
      s.buffer.addLast(entry);
      s.bufferedChars += entry.json().length();
      long share = BUFFER_CHARS / Math.max(1, stations.size());
      while (s.buffer.size() > bufferSize || (s.bufferedChars > share && s.buffer.size() > 1)) {
        s.bufferedChars -= s.buffer.removeFirst().json().length();
      }
      s.latest = entry;
      for (FeedSubscriber sub : s.subscribers) {
        deliver(sub, entry);
      }
      s.subscribers.removeIf(sub -> !sub.isOpen());
    }
  }

  private void onStatus(String key, String json) {
    Station s = station(key);
    ReplayTimes times = s.times;
    ReplayCondition condition = new ReplayCondition("UNKNOWN", null);
    try {
      JsonNode status = org.stationreplay.json.Json.mapper().readTree(json);
      condition = new ReplayCondition(status.path("state").asText("UNKNOWN"),
          status.hasNonNull("reason") ? status.get("reason").asText() : null);
      String simulated = status.path("simulatedTime").asText(null);
      JsonNode lag = status.path("lagMillis");
      times = times.withStatus(simulated == null ? null : Instant.parse(simulated),
          lag.isNumber() ? lag.asDouble() : Double.NaN);
    } catch (java.io.IOException | java.time.format.DateTimeParseException e) {
      log.debug("Replay status of {} without a readable clock: {}", key, e.getMessage());
    }
    synchronized (s) {
      s.statusJson = json;
      s.times = times;
      s.condition = condition;
      for (FeedSubscriber sub : s.subscribers) {
        sub.replay(json);
      }
    }
  }

  private static void deliver(FeedSubscriber sub, Entry e) {
    if (e.reset()) {
      sub.reset();
    }
    sub.state(e.position(), e.json());
  }

  private Station station(String key) {
    return stations.computeIfAbsent(key, k -> new Station());
  }

  /**
   * Follows a station. Without a position the subscriber first gets the latest state; with one, every buffered
   * state after it (or, if the position is older than the buffer, a reset and the latest state). Then every new
   * state as it is committed. Atomic with respect to new states: nothing is missed or sent twice.
   */
  public void subscribe(String station, Optional<FeedPosition> after, FeedSubscriber subscriber) {
    Station s = station(station);
    synchronized (s) {
      if (s.statusJson != null) {
        subscriber.replay(s.statusJson);
      }
      if (after.isEmpty()) {
        if (s.latest != null) {
          subscriber.state(s.latest.position(), s.latest.json());
        }
      } else {
        FeedPosition p = after.get();
        Entry oldest = s.buffer.peekFirst();
        boolean covered = oldest != null && oldest.position().partition() == p.partition()
            && oldest.position().offset() <= p.offset() + 1;
        if (covered) {
          s.buffer.stream().filter(e -> e.position().offset() > p.offset()).forEach(e -> deliver(subscriber, e));
        } else if (s.latest != null && !(s.latest.position().equals(p))) {
          subscriber.reset();
          subscriber.state(s.latest.position(), s.latest.json());
        }
      }
      s.subscribers.add(subscriber);
    }
  }

  public void unsubscribe(String station, FeedSubscriber subscriber) {
    Station s = stations.get(station);
    if (s != null) {
      s.subscribers.remove(subscriber);
    }
  }

  /** What the replay's last status says it is doing; empty before it reported. */
  public Optional<ReplayCondition> replayCondition(String station) {
    Station s = stations.get(station);
    return s == null ? Optional.empty() : Optional.ofNullable(s.condition);
  }

  public Optional<String> replayStatus(String station) {
    Station s = stations.get(station);
    if (s == null) {
      return Optional.empty();
    }
    synchronized (s) {
      return Optional.ofNullable(s.statusJson);
    }
  }

  /** A replay's clock (last status) and the latest state's asOf, as last read; {@link ReplayTimes#NONE} if unknown. */
  public ReplayTimes times(String station) {
    Station s = stations.get(station);
    return s == null ? ReplayTimes.NONE : s.times;
  }

  public List<Point> series(String station) {
    Station s = stations.get(station);
    if (s == null) {
      return List.of();
    }
    synchronized (s) {
      return List.copyOf(s.series);
    }
  }

  /** Every replay with a state or a status on the topics, by name: what a dashboard can pick from. */
  public List<String> replays() {
    return stations.entrySet().stream().filter(e -> e.getValue().latest != null || e.getValue().statusJson != null)
        .map(Map.Entry::getKey).sorted().toList();
  }

  /** The latest status of every projection in every partition, by {@code name/partition}. */
  public Map<String, ProjectionStatus> projectionStatuses() {
    return Map.copyOf(projectionStatus);
  }

  public TopicNames topics() {
    return topics;
  }

  public ProjectionEngine engine() {
    return engine;
  }

  public int subscribers() {
    return stations.values().stream().mapToInt(s -> s.subscribers.size()).sum();
  }

  /** The feed's consumer, for its client metrics (only {@code metrics()} is called from other threads: safe). */
  KafkaConsumer<String, byte[]> consumer() {
    return consumer;
  }

  /** Waits until the feed has read what the topics held when it started. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join(5_000);
  }
}
