package org.stationreplay.events;

import java.time.Instant;
import java.util.List;

/** People came aboard from a docked vehicle. */
public record CrewArrived(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String vehicle,
    List<CrewMember> crew) implements HistoryEvent {

  public CrewArrived {
    Require.envelope(EventType.CREW_ARRIVED, id, time, schemaVersion, source);
    Require.text(vehicle, "vehicle");
    crew = Require.nonEmpty(crew, "crew");
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.crewArrived(this);
  }
}
