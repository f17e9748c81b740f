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

  /** Blocks until everything sent so far is acknowledged. */
  void flush();

  @Override
  void close();
}
