package org.stationreplay.topics;

/**
 * The names of the system's topics. The defaults are the documented {@code station.*} topics; a prefix gives an
 * isolated set (one per integration test, or several systems on one shared cluster).
 *
 * @param projectionPrefix each projection's topic is this plus its name ({@code station.projection.crew}); the
 *     engine's clock is {@code station.projection.clock}
 * @param rebuilds requests to refold one projection from the log (key: projection name)
 * @param projectionStatus each projection's state per partition: live, rebuilding, failed
 */
public record TopicNames(
    String events, String deadLetters, String control, String replayStatus, String projectionPrefix,
    String rebuilds, String projectionStatus) {
  public static final TopicNames DEFAULT = prefixed("");

  public static TopicNames prefixed(String prefix) {
    String p = prefix == null ? "" : prefix;
    return new TopicNames(p + StationTopics.EVENTS, p + StationTopics.EVENTS_DLQ, p + StationTopics.CONTROL,
        p + StationTopics.REPLAY_STATUS, p + StationTopics.PROJECTION_PREFIX, p + StationTopics.PROJECTION_REBUILDS,
        p + StationTopics.PROJECTION_STATUS);
  }

  /** The topic of projection {@code name}: its value after every change, compacted. */
  public String projection(String name) {
    return projectionPrefix + name;
  }

  /** The engine's clock: one record per applied event, clock tick and run start. */
  public String clock() {
    return projection(StationTopics.CLOCK);
  }
}
