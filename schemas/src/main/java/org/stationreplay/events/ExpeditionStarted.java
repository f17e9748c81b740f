package org.stationreplay.events;

import java.time.Instant;

/** An ISS expedition (long-duration increment) began. */
public record ExpeditionStarted(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    int expedition,
    String commander) implements HistoryEvent {

  public ExpeditionStarted {
    Require.envelope(EventType.EXPEDITION_STARTED, id, time, schemaVersion, source);
    Require.positive(expedition, "expedition");
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.expeditionStarted(this);
  }
}
