package org.stationreplay.workshop.lab04;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.stationreplay.topics.TopicNames;
import org.stationreplay.workshop.LabKit;

/**
 * Lab 4's check: the learner's app copies the log, crashes once part-way (its thread dies before anything was
 * committed, and a new thread starts from the last committed offsets, as a restarted app would), and the copies are
 * counted by the learner's reader. Exactly one copy per event, or it says which half is wrong.
 */
class Lab04Check {
  private static final long CRASH_AT = 300;

  @Test
  void shouldCountEachEventOnceThoughTheAppCrashedPartWay() throws Exception {
    String bootstrap = LabKit.bootstrapServers();
    TopicNames topics = LabKit.replayedLog("lab04");
    String output = LabKit.unique("lab04", "copies");
    try (Admin admin = Admin.create(LabKit.client())) {
      admin.createTopics(List.of(new NewTopic(output, 3, (short) 1))).all().get();
    }
    long events = count(bootstrap, topics.events(), "read_committed");

    AtomicLong seen = new AtomicLong();
    AtomicBoolean crashed = new AtomicBoolean();
    Runnable eachRecord = () -> {
      if (seen.incrementAndGet() == CRASH_AT && crashed.compareAndSet(false, true)) {
        throw new IllegalStateException("lab 4: the app crashes here, part-way through the log");
      }
    };
    Properties settings = CountingApp.settings(bootstrap, LabKit.unique("lab04", "app"));
    // Nothing is committed before the crash: commits only every 20 s (and the transactions may last that long).
    settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 20_000);
    settings.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), 60_000);
    // A Streams consumer does not leave its group when its thread dies (so that a restart needs no rebalance): its
    // partitions wait for the session to time out, 45 s by default. The broker's minimum, 6 s, keeps the check short.
    settings.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6_000);
    settings.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 1_500);
    settings.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("lab04").toString());
    try (KafkaStreams app = new KafkaStreams(CountingApp.topology(topics.events(), output, eachRecord), settings)) {
      app.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.REPLACE_THREAD);
      app.start();
      // The new thread reads the log again from the start (nothing was committed): wait until it has read it all.
      await().atMost(Duration.ofSeconds(90)).until(() -> crashed.get() && seen.get() >= CRASH_AT + events - 1);
      app.close(Duration.ofSeconds(30)); // a clean stop commits what was processed
    }

    long committedCopies = count(bootstrap, output, "read_committed");
    long allCopies = count(bootstrap, output, "read_uncommitted");
    long yours = CountingApp.count(bootstrap, output);
    assertThat(committedCopies)
        .as("The app wrote %d copies of %d events: %d events were processed twice after the crash, and their "
            + "copies are there for every reader. Which processing.guarantee does CountingApp.settings choose? "
            + "(The default is at-least-once.)", committedCopies, events, committedCopies - events)
        .isEqualTo(events);
    assertThat(yours)
        .as("CountingApp.count says %d, but there are %d committed copies of %d events (%d records in the log in "
            + "all, with those of the transaction the crash aborted). %s", yours, committedCopies, events,
            allCopies, yours == allCopies
                ? "Your reader sees the aborted records too: which isolation.level does it use?"
                : "Does it read every partition from the beginning to its end?")
        .isEqualTo(events);
  }

  /** The check's own count, at either isolation level. */
  private static long count(String bootstrap, String topic, String isolation) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long n = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end in 60 s");
        }
        n += consumer.poll(Duration.ofMillis(200)).count();
      }
      return n;
    }
  }
}
