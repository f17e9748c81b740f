package org.stationreplay.producer;

import org.stationreplay.events.StationEvent;

/** Where a replay sends its events: Kafka in production, a list in tests. */
public interface EventSink extends AutoCloseable {
  /** Sends one event; may be asynchronous. Throws if an earlier send has failed. */
  void send(String key, StationEvent event);

  /** Blocks until every event sent so far is acknowledged. */
  void flush();

  @Override
  void close();
}
