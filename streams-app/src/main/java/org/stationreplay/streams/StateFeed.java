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
import org.stationreplay.events.EventType;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.TopicNames;

/**
 * Follows {@code station.state} and {@code station.replay-status} as a read-committed consumer and fans every
 * committed state out to dashboards, each tagged with its Kafka position. It runs beside the Streams app, on its
 * own consumer and thread, so however many dashboards connect, the fold does not slow down.
 *
 * <p>For each station it keeps the latest state, the last {@code bufferSize} states (so a client that reconnects
 * with its last position gets every state after it, no gap and no duplicate) and a series of counts since the
 * replay last started (for charts).
 */
public final class StateFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StateFeed.class);
  private static final String REPLAY_STARTED = EventType.REPLAY_STARTED.wireName();

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
  }

  /**
   * The states kept for Last-Event-ID resume, all replays together: a state is ~10 KB of JSON, and 30 replays of
   * 5,000 states each would need 1.5 GB. Each replay gets an equal share (at least its latest state); a client
   * that falls further behind than its replay's share starts again from the latest state.
   */
  static final long BUFFER_CHARS = 64L * 1024 * 1024;

  private final Map<String, Station> stations = new ConcurrentHashMap<>();
  private final JsonSerde<StationState> stateSerde = JsonSerde.of(StationState.class);
  private final KafkaConsumer<String, byte[]> consumer;
  private final TopicNames topics;
  private final int bufferSize;
  private final Thread thread;
  private final CountDownLatch caughtUp = new CountDownLatch(1);

  public StateFeed(Map<String, Object> clientConfig, TopicNames topics, int bufferSize) {
    this.topics = topics;
    this.bufferSize = bufferSize;
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(topics.state(), topics.replayStatus())) {
      consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
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
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() == null || r.value() == null) {
            continue;
          }
          try {
            if (r.topic().equals(topics.state())) {
              onState(r);
            } else {
              onStatus(r.key(), new String(r.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
          } catch (RuntimeException e) {
            log.warn("Skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
          }
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

  private void onState(ConsumerRecord<String, byte[]> r) {
    String json = new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
    StationState state = stateSerde.deserialize(r.topic(), r.value());
    boolean reset = state.lastEvent() != null && REPLAY_STARTED.equals(state.lastEvent().type());
    Entry entry = new Entry(new FeedPosition(r.partition(), r.offset()), json, reset);
    Station s = station(r.key());
    synchronized (s) {
      if (reset) {
        s.series.clear();
      } else if (state.asOf() != null) {
        s.series.add(new Point(state.asOf(), state.peopleAboard(), state.expeditionCrew(), state.moduleCount()));
      }
      s.buffer.addLast(entry);
      s.bufferedChars += json.length();
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
    synchronized (s) {
      s.statusJson = json;
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

  public Optional<String> replayStatus(String station) {
    Station s = stations.get(station);
    if (s == null) {
      return Optional.empty();
    }
    synchronized (s) {
      return Optional.ofNullable(s.statusJson);
    }
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

  public int subscribers() {
    return stations.values().stream().mapToInt(s -> s.subscribers.size()).sum();
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
