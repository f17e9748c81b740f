package org.stationreplay.streams;

/**
 * Where one projection stands in one partition of the log (topic {@code station.projection-status}, key
 * {@code name/partition}, and the task's {@code projection-registry} store).
 *
 * @param state {@code LIVE}: folds every event as it comes; {@code REBUILDING}: being refolded from the event
 *     log, from the start of the replays' current runs, while the live fold goes on without it; {@code FAILED}: its
 *     code threw, it is left as it was until a rebuild
 * @param request the offset of the last rebuild request on {@code station.projection-rebuilds} this partition has
 *     acted on, -1 for none
 * @param position while rebuilding, how far on the event log the refold has read (offset)
 * @param target while rebuilding, where the live fold stands: the refold is done when it gets there
 * @param rebuilt after a rebuild, how many replays were refolded
 * @param reason why it failed
 */
public record ProjectionStatus(String projection, int partition, State state, long request, long position,
    long target, long rebuilt, String reason) {
  public enum State {
    LIVE,
    REBUILDING,
    FAILED
  }

  static ProjectionStatus live(String projection, int partition, long request) {
    return new ProjectionStatus(projection, partition, State.LIVE, request, 0, 0, 0, null);
  }

  static ProjectionStatus rebuilding(String projection, int partition, long request) {
    return new ProjectionStatus(projection, partition, State.REBUILDING, request, 0, 0, 0, null);
  }

  ProjectionStatus progressed(long position, long target) {
    return new ProjectionStatus(projection, partition, state, request, position, target, rebuilt, null);
  }

  ProjectionStatus done(long replays) {
    return new ProjectionStatus(projection, partition, State.LIVE, request, position, target, replays, null);
  }

  ProjectionStatus failed(String why) {
    return new ProjectionStatus(projection, partition, State.FAILED, request, position, target, rebuilt, why);
  }

  /** The key on the status topic. */
  String topicKey() {
    return projection + "/" + partition;
  }
}
