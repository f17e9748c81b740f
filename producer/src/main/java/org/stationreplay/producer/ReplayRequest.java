package org.stationreplay.producer;

import java.time.Duration;
import java.time.Instant;
import org.stationreplay.history.History;

/**
 * What to replay and how.
 *
 * @param from where paced replay begins (events before it are sent at once so the state is complete), or null
 * @param to the last event time to include, or null for the end
 * @param maxGap the longest wall-clock wait between two events, or null for none
 * @param key record key: the station id
 * @param loop start again at the end
 * @param exitWhenFinished stop at the end; otherwise stay and take commands (restart, seek) until stopped
 * @param resume continue after the last event of the station's run already on the topic, if there is one
 */
public record ReplayRequest(History history, Speed speed, Instant from, Instant to, Duration maxGap, String key,
    boolean loop, boolean exitWhenFinished, boolean resume) {

  public ReplayRequest(History history, Speed speed, Instant from, Instant to, Duration maxGap, String key,
      boolean loop, boolean exitWhenFinished) {
    this(history, speed, from, to, maxGap, key, loop, exitWhenFinished, false);
  }

  /** A one-shot replay, as {@code ./station replay} does by default. */
  public static ReplayRequest once(History history, Speed speed, String key) {
    return new ReplayRequest(history, speed, null, null, null, key, false, true, false);
  }
}
