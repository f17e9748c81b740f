package org.stationreplay.control;

import java.time.Instant;

/**
 * On topic {@code station.replay-status} (compacted, key = station): what a replay is doing.
 *
 * @param speed historical seconds per wall-clock second as text, or {@code max}
 * @param lagMillis how late the last event was sent against its schedule
 * @param updatedAt the producer's wall clock: this is an operational record, not history
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
    Instant updatedAt) {

  public enum State { PLAYING, PAUSED, FINISHED }
}
