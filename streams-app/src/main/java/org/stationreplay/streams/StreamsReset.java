package org.stationreplay.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kafka's application reset tool does, plus the local state: forget the Streams app's committed offsets,
 * delete its internal topics (changelogs) and its state directory, so that the next start refolds the whole event
 * log from the first record. The projection topics are not touched: the refold appends its values after the old
 * ones.
 */
public final class StreamsReset {
  private static final Logger log = LoggerFactory.getLogger(StreamsReset.class);

  private StreamsReset() {}

  /** Whether an instance of the application is in its consumer group now. */
  public static boolean isRunning(Admin admin, String applicationId) throws InterruptedException {
    try {
      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all().get()
          .get(applicationId);
      return group != null && !group.members().isEmpty();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return false;
      }
      throw new IllegalStateException("cannot describe group " + applicationId + ": " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  /** @throws IllegalStateException if an instance of the application is still running */
  public static void reset(Admin admin, String applicationId, Path stateDir) {
    try {
      ConsumerGroupDescription group;
      try {
        group = admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof GroupIdNotFoundException)) {
          throw e;
        }
        group = null;
      }
      if (group != null && !group.members().isEmpty()) {
        throw new IllegalStateException("the Streams app " + applicationId + " is running (" + group.members().size()
            + " member(s)): stop it first");
      }
      if (group != null) {
        admin.deleteConsumerGroups(List.of(applicationId)).all().get();
      }
      List<String> internal = admin.listTopics().names().get().stream()
          .filter(t -> t.startsWith(applicationId + "-")
              && (t.endsWith("-changelog") || t.endsWith("-repartition")))
          .toList();
      if (!internal.isEmpty()) {
        admin.deleteTopics(internal).all().get();
      }
      log.info("Reset {}: offsets forgotten, internal topics deleted {}", applicationId, internal);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot reset " + applicationId + ": " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while resetting " + applicationId, e);
    }
    deleteRecursively(stateDir.resolve(applicationId));
  }

  /**
   * Whether the application has committed offsets at the end of the topic on every partition (read-committed end,
   * so open transactions of the producer do not count).
   */
  public static boolean caughtUp(Admin admin, String applicationId, String topic)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
    return end.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
  }

  /** Waits until {@link #caughtUp}. */
  public static void awaitCaughtUp(Admin admin, String applicationId, String topic, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (caughtUp(admin, applicationId, topic)) {
          return;
        }
      } catch (ExecutionException e) {
        // the group may not exist yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(applicationId + " did not catch up with " + topic + " in " + timeout);
      }
      Thread.sleep(200);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the local state in " + dir + ": " + e.getMessage(), e);
    }
  }
}
