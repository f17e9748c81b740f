package org.stationreplay.topics;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/** Every topic of the system, in one place, with the configs that make historical timestamps safe. */
public final class StationTopics {
  /** The event log, the source of truth. Key: station id; value: event JSON; timestamp: event time. */
  public static final String EVENTS = "station.events";
  /**
   * Each projection's value, on its own compacted topic ({@code station.projection.crew}...), written when it
   * changes. Key: replay id. The engine's clock is {@code station.projection.clock}.
   */
  public static final String PROJECTION_PREFIX = "station.projection.";
  /** The engine's own read model: where each replay's fold stands (simulated time, last event, count). */
  public static final String CLOCK = "clock";
  /** Requests to refold one projection from the log. Key: projection name. Compacted. */
  public static final String PROJECTION_REBUILDS = "station.projection-rebuilds";
  /** Each projection's state per partition (live, rebuilding, failed). Key: name/partition. Compacted. */
  public static final String PROJECTION_STATUS = "station.projection-status";
  /** Records the fold could not use, with headers saying why. Value: the original bytes. */
  public static final String EVENTS_DLQ = "station.events.dlq";

  /** Commands to the replay (pause, resume, speed, seek, restart, loop). Key: station id. */
  public static final String CONTROL = "station.control";
  /** What each replay is doing now. Key: station id. Compacted. */
  public static final String REPLAY_STATUS = "station.replay-status";

  /** Record key of the one real station; synthetic logs use other keys. */
  public static final String ISS = "ISS";

  /** Record headers on {@link #EVENTS}. */
  public static final String HEADER_EVENT_TYPE = "event-type";
  public static final String HEADER_SCHEMA_VERSION = "schema-version";

  /**
   * Record headers on the projection topics: {@code station.change} ties the records one event made (the clock's
   * and every changed projection's; the event's position on {@link #EVENTS} as {@code partition-offset}), and
   * {@code station.changed}, on the clock's record, lists the projections that changed with it.
   */
  public static final String HEADER_CHANGE = "station.change";
  public static final String HEADER_CHANGED = "station.changed";

  /** Record headers on {@link #EVENTS_DLQ}: why the record was refused and where it came from. */
  public static final String HEADER_DLQ_REASON = "dlq.reason";
  public static final String HEADER_DLQ_TOPIC = "dlq.source.topic";
  public static final String HEADER_DLQ_PARTITION = "dlq.source.partition";
  public static final String HEADER_DLQ_OFFSET = "dlq.source.offset";
  /** The record's own timestamp (event time when it had one); the dead letter itself is stamped when refused. */
  public static final String HEADER_DLQ_TIMESTAMP = "dlq.source.timestamp";

  public static final int DEFAULT_PARTITIONS = 3;

  /**
   * Records stamped 1998 would be deleted at once by time retention, and time-based segment rolling would cut
   * a segment per simulated week: keep forever, roll by size only (about 100 years).
   */
  private static final Map<String, String> KEEP_HISTORY = Map.of(
      TopicConfig.RETENTION_MS_CONFIG, "-1",
      TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(100L * 365 * 24 * 3600 * 1000));

  public static TopicSpec events(TopicNames names, int partitions) {
    return new TopicSpec(names.events(), partitions, KEEP_HISTORY);
  }

  /** A projection's topic (or the clock's, {@link #CLOCK}): the latest value per replay is what must stay. */
  public static TopicSpec projection(TopicNames names, String projection, int partitions) {
    return new TopicSpec(names.projection(projection), partitions, merge(KEEP_HISTORY,
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
  }

  public static TopicSpec rebuilds(TopicNames names, int partitions) {
    return new TopicSpec(names.rebuilds(), partitions,
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
  }

  public static TopicSpec projectionStatus(TopicNames names, int partitions) {
    return new TopicSpec(names.projectionStatus(), partitions,
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
  }

  public static TopicSpec deadLetters(TopicNames names, int partitions) {
    return new TopicSpec(names.deadLetters(), partitions, KEEP_HISTORY);
  }

  public static TopicSpec control(TopicNames names, int partitions) {
    return new TopicSpec(names.control(), partitions, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
  }

  public static TopicSpec replayStatus(TopicNames names, int partitions) {
    return new TopicSpec(names.replayStatus(), partitions,
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
  }

  /**
   * Every topic whatever the projections: whoever starts first creates them, all with the same partition count.
   * The Streams app adds one {@link #projection} topic per projection it runs.
   */
  public static List<TopicSpec> all(TopicNames names, int partitions) {
    return List.of(events(names, partitions), deadLetters(names, partitions), control(names, partitions),
        replayStatus(names, partitions), projection(names, CLOCK, partitions), rebuilds(names, partitions),
        projectionStatus(names, partitions));
  }

  /** {@link #all} and the topic of each of {@code projections}. */
  public static List<TopicSpec> all(TopicNames names, int partitions, java.util.Collection<String> projections) {
    List<TopicSpec> specs = new java.util.ArrayList<>(all(names, partitions));
    projections.forEach(p -> specs.add(projection(names, p, partitions)));
    return List.copyOf(specs);
  }

  private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
    var m = new java.util.HashMap<>(a);
    m.putAll(b);
    return Map.copyOf(m);
  }

  private StationTopics() {}
}
