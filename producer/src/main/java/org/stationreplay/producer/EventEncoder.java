package org.stationreplay.producer;

import java.util.IdentityHashMap;
import java.util.Map;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.JsonSerde;

/** How an event becomes the bytes of its record. */
@FunctionalInterface
public interface EventEncoder {
  byte[] encode(StationEvent event);

  /** JSON, every time. */
  static EventEncoder json() {
    JsonSerde<StationEvent> serde = JsonSerde.of(StationEvent.class);
    return e -> serde.serialize(null, e);
  }

  /**
   * JSON, once per event object: a history's events are immutable, so a replay that loops or restarts sends the
   * bytes it encoded the first time. Confined to the replay's thread.
   */
  static EventEncoder cachedJson() {
    EventEncoder json = json();
    Map<StationEvent, byte[]> cache = new IdentityHashMap<>();
    return e -> cache.computeIfAbsent(e, json::encode);
  }
}
