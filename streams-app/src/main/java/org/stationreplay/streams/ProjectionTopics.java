package org.stationreplay.streams;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.projection.Clock;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.CommittedLog;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * What the fold has committed to its topics, read from the first record to the end as of now (read_committed): a
 * projection's latest value per replay, every state composed in the clock's order, every projection's status. For
 * the {@code rebuild} command, checks and tests; dashboards follow the same topics live through {@link StateFeed}.
 */
public final class ProjectionTopics {
  private ProjectionTopics() {}

  /** The latest value of projection {@code index} of {@code engine} for every replay on its topic. */
  public static Map<String, Object> latest(Map<String, Object> client, TopicNames topics, ProjectionEngine engine,
      int index) {
    String topic = topics.projection(engine.projection(index).name());
    JsonSerde<?> serde = JsonSerde.of(engine.projection(index).valueType());
    Map<String, Object> latest = new LinkedHashMap<>();
    CommittedLog.readToEnd(client, topic, r -> {
      if (r.key() != null) {
        latest.put(r.key(), serde.deserialize(topic, r.value()));
      }
    });
    latest.values().removeIf(java.util.Objects::isNull);
    return latest;
  }

  /** Every record of projection {@code index}'s topic, in order, with its value decoded. */
  public static List<ConsumerRecord<String, Object>> records(Map<String, Object> client, TopicNames topics,
      ProjectionEngine engine, int index) {
    String topic = topics.projection(engine.projection(index).name());
    JsonSerde<?> serde = JsonSerde.of(engine.projection(index).valueType());
    List<ConsumerRecord<String, Object>> out = new ArrayList<>();
    CommittedLog.readToEnd(client, topic, r -> out.add(decoded(r, serde.deserialize(topic, r.value()))));
    return out;
  }

  /** Every state the fold's topics describe, one per clock record, in the clock's order within each replay. */
  public static List<CompositeAssembler.Composed> states(Map<String, Object> client, TopicNames topics,
      ProjectionEngine engine) {
    CompositeAssembler assembler = new CompositeAssembler(engine);
    List<CompositeAssembler.Composed> out = new ArrayList<>();
    JsonSerde<Clock> clocks = JsonSerde.of(Clock.class);
    CommittedLog.readToEnd(client, topics.clock(), r -> {
      if (r.key() != null && r.value() != null) {
        out.addAll(assembler.onClock(r.key(), new FeedPosition(r.partition(), r.offset()),
            clocks.deserialize(r.topic(), r.value()), header(r, StationTopics.HEADER_CHANGE),
            header(r, StationTopics.HEADER_CHANGED), 0));
      }
    });
    for (int i = 0; i < engine.size(); i++) {
      for (ConsumerRecord<String, Object> r : records(client, topics, engine, i)) {
        if (r.key() != null && r.value() != null) {
          out.addAll(assembler.onProjection(r.key(), i, r.value(), header(r, StationTopics.HEADER_CHANGE)));
        }
      }
    }
    out.addAll(assembler.release(i -> true, Long.MAX_VALUE)); // compacted away: the latest values are known
    return out;
  }

  /** The latest state of every replay, composed from the topics. */
  public static Map<String, StationState> latestStates(Map<String, Object> client, TopicNames topics,
      ProjectionEngine engine) {
    Map<String, StationState> latest = new LinkedHashMap<>();
    states(client, topics, engine).forEach(c -> latest.put(c.replay(), c.state()));
    return latest;
  }

  /** The latest status of every projection in every partition, by {@code name/partition}. */
  public static Map<String, ProjectionStatus> statuses(Map<String, Object> client, TopicNames topics) {
    JsonSerde<ProjectionStatus> serde = JsonSerde.of(ProjectionStatus.class);
    Map<String, ProjectionStatus> out = new LinkedHashMap<>();
    CommittedLog.readToEnd(client, topics.projectionStatus(), r -> {
      if (r.key() != null && r.value() != null) {
        out.put(r.key(), serde.deserialize(r.topic(), r.value()));
      }
    });
    return out;
  }

  private static ConsumerRecord<String, Object> decoded(ConsumerRecord<String, byte[]> r, Object value) {
    return new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
        r.serializedKeySize(), r.serializedValueSize(), r.key(), value, r.headers(), r.leaderEpoch());
  }

  private static String header(ConsumerRecord<String, ?> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
  }
}
