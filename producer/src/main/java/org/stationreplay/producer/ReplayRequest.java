package org.stationreplay.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.stationreplay.events.StationEvent;
import org.stationreplay.history.History;

/**
 * What to replay and how.
 *
 * @param from first event time to include, or null for the start of the history
 * @param to last event time to include, or null for the end
 * @param maxGap the longest wall-clock wait between two events, or null for none
 * @param key record key: the station id
 */
public record ReplayRequest(History history, Speed speed, Instant from, Instant to, Duration maxGap, String key) {
  public List<StationEvent> selectedEvents() {
    return history.between(from, to);
  }

  public ReplaySchedule schedule(List<StationEvent> events) {
    return ReplaySchedule.of(events.stream().map(StationEvent::time).toList(), speed, maxGap);
  }
}
