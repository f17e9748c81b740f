package org.stationreplay.producer;

import java.time.Instant;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.events.StationEvent;

/** Where a replay writes: Kafka in production, lists in tests. */
public interface EventSink extends AutoCloseable {
  /** Sends one event; may be asynchronous. Throws if an earlier send has failed. */
  void send(String key, StationEvent event);

  /** The simulated clock of replay run {@code run} passed {@code time} (a simulated midnight between events). */
  void tick(String key, Instant time, String run);

  /** What the replay is doing now. */
  void status(String key, ReplayStatus status);

  /** Makes everything sent so far durable and visible (a transaction commit); blocks until then. */
  void flush();

  /** Something was sent since the last {@link #flush()}. */
  default boolean hasPending() {
    return false;
  }

  @Override
  void close();
}
