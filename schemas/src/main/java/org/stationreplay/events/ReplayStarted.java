package org.stationreplay.events;

import java.time.Instant;

/**
 * Not a historical fact but a marker of the replay stream: a replay run begins here, so the fold starts again from
 * an empty station. Every run (first start, restart, loop, seek backwards) writes one before its first event, so
 * the log stays foldable from any point: the events after the marker rebuild the state from scratch. Its time is
 * the time of the run's first event.
 *
 * @param reason {@code start}, {@code restart}, {@code loop} or {@code seek}
 */
public record ReplayStarted(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String reason) implements ReplayMarker {

  public ReplayStarted {
    Require.envelope(EventType.REPLAY_STARTED, id, time, schemaVersion, source);
    Require.text(reason, "reason");
  }

  @Override
  public <R> R accept(StationEvent.Cases<R> cases) {
    return cases.replayStarted(this);
  }

  @Override
  public <R> R kind(Kinds<R> kinds) {
    return kinds.replayStarted(this);
  }
}
