package org.stationreplay.events;

import java.time.Instant;
import java.util.List;

/** People left the station on a docked vehicle. */
public record CrewDeparted(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String vehicle,
    List<String> crew) implements HistoryEvent {

  public CrewDeparted {
    Require.envelope(EventType.CREW_DEPARTED, id, time, schemaVersion, source);
    Require.text(vehicle, "vehicle");
    crew = Require.nonEmpty(crew, "crew");
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.crewDeparted(this);
  }
}
