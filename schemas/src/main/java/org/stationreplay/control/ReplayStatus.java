package org.stationreplay.control;

import java.time.Instant;

/**
 * On topic {@code station.replay-status} (compacted, key = station): what a replay is doing.
 *
 * @param speed historical seconds per wall-clock second as text, or {@code max}
 * @param lagMillis how late the last event was sent against its schedule
 * @param updatedAt the producer's wall clock: this is an operational record, not history
 * @param reason why the replay failed ({@code FAILED} only), one line; null otherwise
 */
public record ReplayStatus(
    String station,
    State state,
    String speed,
    Instant simulatedTime,
    Instant from,
    Instant to,
    int eventsSent,
    int totalEvents,
    boolean loop,
    double lagMillis,
    Instant updatedAt,
    String reason) {

  /** {@code FAILED}: the replay stopped on an error; {@code reason} says which, and the demo resumes it. */
  public enum State { PLAYING, PAUSED, FINISHED, FAILED }

  /** The same replay, failed: where it stood, and why. */
  public ReplayStatus failed(String why, Instant now) {
    return new ReplayStatus(station, State.FAILED, speed, simulatedTime, from, to, eventsSent, totalEvents, loop,
        lagMillis, now, why);
  }
}
