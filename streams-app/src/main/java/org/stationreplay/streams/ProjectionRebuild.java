package org.stationreplay.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stationreplay.json.Json;
import org.stationreplay.topics.TopicNames;

/**
 * Asks the running fold to refold one projection from the log, and follows it until every partition has done so. The
 * request is one record on {@code station.projection-rebuilds} (key: the projection's name), known by its offset;
 * each task of the fold acts on it once, in its own partition, without stopping the other projections or touching
 * the app's offsets (see {@link ProjectionProcessor}).
 */
public final class ProjectionRebuild {
  private ProjectionRebuild() {}

  /** Where the rebuild of one projection stands, over every partition of the log. */
  public record Progress(List<ProjectionStatus> partitions, int expected, long request) {
    /** Every partition rebuilt for this request (or a later one), and live. */
    public boolean done() {
      return partitions.size() == expected && partitions.stream().allMatch(s -> s.request() >= request
          && s.state() == ProjectionStatus.State.LIVE);
    }

    /** A partition where the projection failed on this request, if any. */
    public java.util.Optional<ProjectionStatus> failed() {
      return partitions.stream().filter(s -> s.request() >= request && s.state() == ProjectionStatus.State.FAILED)
          .findFirst();
    }

    public long rebuilt() {
      return partitions.stream().mapToLong(ProjectionStatus::rebuilt).sum();
    }
  }

  /** Writes the request and returns its offset, which names it. */
  public static long request(Map<String, Object> client, TopicNames topics, String projection) {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    byte[] value = Json.write(Map.of("projection", projection)).getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      RecordMetadata m = producer.send(new ProducerRecord<>(topics.rebuilds(), projection, value)).get();
      return m.offset();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot write the rebuild request to " + topics.rebuilds() + ": "
          + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The status of {@code projection} in every partition of the event log, as the fold last reported it. */
  public static Progress progress(Map<String, Object> client, TopicNames topics, String projection, long request) {
    int partitions;
    try (Admin admin = Admin.create(client)) {
      partitions = admin.describeTopics(List.of(topics.events())).allTopicNames().get().get(topics.events())
          .partitions().size();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe " + topics.events() + ": " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    List<ProjectionStatus> mine = new ArrayList<>();
    ProjectionTopics.statuses(client, topics).values().forEach(s -> {
      if (s.projection().equals(projection)) {
        mine.add(s);
      }
    });
    return new Progress(mine, partitions, request);
  }

  /**
   * Waits until every partition has rebuilt {@code projection} for {@code request}.
   *
   * @throws IllegalStateException if it failed somewhere, or took longer than {@code timeout}
   */
  public static Progress await(Map<String, Object> client, TopicNames topics, String projection, long request,
      Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Progress p = progress(client, topics, projection, request);
      if (p.failed().isPresent()) {
        throw new IllegalStateException("projection '" + projection + "' failed in partition "
            + p.failed().get().partition() + ": " + p.failed().get().reason());
      }
      if (p.done()) {
        return p;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("projection '" + projection + "' was not rebuilt in " + timeout + " ("
            + p.partitions().stream().filter(s -> s.request() >= request).count() + " of " + p.expected()
            + " partitions have taken the request; is a Streams app with this projection running?)");
      }
      Thread.sleep(200);
    }
  }
}
