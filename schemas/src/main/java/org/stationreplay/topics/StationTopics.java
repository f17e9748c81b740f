package org.stationreplay.topics;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/** Every topic of the system, in one place, with the configs that make historical timestamps safe. */
public final class StationTopics {
  /** The event log, the source of truth. Key: station id; value: event JSON; timestamp: event time. */
  public static final String EVENTS = "station.events";
  /** Folded state after each event. Key: station id; value: state JSON. Compacted: the latest per station. */
  public static final String STATE = "station.state";
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

  public static TopicSpec state(TopicNames names, int partitions) {
    return new TopicSpec(names.state(), partitions, merge(KEEP_HISTORY,
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
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

  /** Every topic of the system; whoever starts first creates them, all with the same partition count. */
  public static List<TopicSpec> all(TopicNames names, int partitions) {
    return List.of(events(names, partitions), state(names, partitions), deadLetters(names, partitions),
        control(names, partitions), replayStatus(names, partitions));
  }

  private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
    var m = new java.util.HashMap<>(a);
    m.putAll(b);
    return Map.copyOf(m);
  }

  private StationTopics() {}
}
