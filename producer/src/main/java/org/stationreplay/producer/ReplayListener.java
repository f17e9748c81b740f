package org.stationreplay.producer;

import org.stationreplay.events.StationEvent;

/** Hears about a replay's progress, for progress lines and status reports. */
public interface ReplayListener {
  /**
   * @param index position of the event in this replay (0-based)
   * @param total events in this replay
   * @param latenessNanos how long after its due time the event was handed to the sink
   */
  default void sent(int index, int total, StationEvent event, long latenessNanos) {}

  /** A clock tick for {@code time} was handed to the sink {@code latenessNanos} after its due time. */
  default void ticked(java.time.Instant time, long latenessNanos) {}

  default void finished(int sent, long elapsedNanos) {}

  ReplayListener NONE = new ReplayListener() {};
}
