package org.stationreplay.events;

import java.time.Instant;

/** An element moved to another place on the station. */
public record ElementRelocated(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String element,
    String from,
    String to) implements HistoryEvent {

  public ElementRelocated {
    Require.envelope(EventType.ELEMENT_RELOCATED, id, time, schemaVersion, source);
    Require.text(element, "element");
    Require.text(to, "to");
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.elementRelocated(this);
  }
}
