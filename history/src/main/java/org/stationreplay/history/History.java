package org.stationreplay.history;

import java.time.Instant;
import java.util.List;
import org.stationreplay.events.StationEvent;

/**
 * A validated history: events sorted by time, unique ids, every one applicable by the fold in order.
 *
 * @param name where it came from (a path, or the bundled resource)
 */
public record History(String name, List<HistoryLine> lines) {
  public History {
    lines = List.copyOf(lines);
  }

  public List<StationEvent> events() {
    return lines.stream().map(HistoryLine::event).toList();
  }

  public int size() {
    return lines.size();
  }

  public Instant firstTime() {
    return lines.isEmpty() ? null : lines.get(0).event().time();
  }

  public Instant lastTime() {
    return lines.isEmpty() ? null : lines.get(lines.size() - 1).event().time();
  }

  /** The events with {@code from <= time <= to}; either bound may be null. */
  public List<StationEvent> between(Instant from, Instant to) {
    return lines.stream()
        .map(HistoryLine::event)
        .filter(e -> from == null || !e.time().isBefore(from))
        .filter(e -> to == null || !e.time().isAfter(to))
        .toList();
  }
}
