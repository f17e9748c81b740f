package org.stationreplay.events;

import java.time.Instant;

/** An element (module, truss, arm, adapter, payload) became part of the station. */
public record ElementAttached(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String element,
    ElementKind kind,
    Agency agency,
    String location,
    String flight) implements HistoryEvent {

  public ElementAttached {
    Require.envelope(EventType.ELEMENT_ATTACHED, id, time, schemaVersion, source);
    Require.text(element, "element");
    Require.present(kind, "kind");
    Require.present(agency, "agency");
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.elementAttached(this);
  }
}
