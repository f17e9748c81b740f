package org.stationreplay.events;

import java.time.Instant;

/** An element left the station for good. */
public record ElementDetached(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String element,
    String reason) implements HistoryEvent {

  public ElementDetached {
    Require.envelope(EventType.ELEMENT_DETACHED, id, time, schemaVersion, source);
    Require.text(element, "element");
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.elementDetached(this);
  }
}
