package org.stationreplay.topics;

/**
 * The names of the system's topics. The defaults are the documented {@code station.*} topics; a prefix gives an
 * isolated set (one per integration test, or several systems on one shared cluster).
 */
public record TopicNames(
    String events, String state, String deadLetters, String control, String replayStatus) {
  public static final TopicNames DEFAULT =
      new TopicNames(StationTopics.EVENTS, StationTopics.STATE, StationTopics.EVENTS_DLQ, StationTopics.CONTROL,
          StationTopics.REPLAY_STATUS);

  public static TopicNames prefixed(String prefix) {
    return prefix == null || prefix.isEmpty()
        ? DEFAULT
        : new TopicNames(prefix + StationTopics.EVENTS, prefix + StationTopics.STATE,
            prefix + StationTopics.EVENTS_DLQ, prefix + StationTopics.CONTROL, prefix + StationTopics.REPLAY_STATUS);
  }
}
