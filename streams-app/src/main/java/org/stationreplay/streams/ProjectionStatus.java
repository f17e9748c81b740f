package org.stationreplay.streams;

/**
 * Where one projection stands in one partition of the log (topic {@code station.projection-status}, key
 * {@code name/partition}, and the task's {@code projection-registry} store).
 *
 * @param state {@code LIVE}: folds every event as it comes; {@code REBUILDING}: being refolded from the run log,
 *     replay by replay (those up to {@code cursor} are done and live again); {@code FAILED}: its code threw, it is
 *     left as it was until a rebuild
 * @param request the offset of the last rebuild request on {@code station.projection-rebuilds} this partition has
 *     acted on, -1 for none
 * @param cursor while rebuilding, the last replay rebuilt (replays are rebuilt in key order)
 * @param rebuilt while rebuilding or after, how many replays were refolded
 * @param reason why it failed
 */
public record ProjectionStatus(String projection, int partition, State state, long request, String cursor,
    long rebuilt, String reason) {
  public enum State {
    LIVE,
    REBUILDING,
    FAILED
  }

  static ProjectionStatus live(String projection, int partition, long request) {
    return new ProjectionStatus(projection, partition, State.LIVE, request, null, 0, null);
  }

  static ProjectionStatus rebuilding(String projection, int partition, long request) {
    return new ProjectionStatus(projection, partition, State.REBUILDING, request, null, 0, null);
  }

  ProjectionStatus progressed(String cursor) {
    return new ProjectionStatus(projection, partition, state, request, cursor, rebuilt + 1, null);
  }

  ProjectionStatus done() {
    return new ProjectionStatus(projection, partition, State.LIVE, request, null, rebuilt, null);
  }

  ProjectionStatus failed(String why) {
    return new ProjectionStatus(projection, partition, State.FAILED, request, null, rebuilt, why);
  }

  /** The key on the status topic. */
  String topicKey() {
    return projection + "/" + partition;
  }
}
