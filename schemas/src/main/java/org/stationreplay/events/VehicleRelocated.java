package org.stationreplay.events;

import java.time.Instant;

/**
 * A docked visiting vehicle moved from one port to another (a Soyuz or Progress flown around, a Crew Dragon
 * relocated, a berthed vehicle moved by the arm). The vehicle stays docked: nobody arrives or leaves.
 */
public record VehicleRelocated(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String vehicle,
    String from,
    String to) implements HistoryEvent {

  public VehicleRelocated {
    Require.envelope(EventType.VEHICLE_RELOCATED, id, time, schemaVersion, source);
    Require.text(vehicle, "vehicle");
    Require.text(to, "to");
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.vehicleRelocated(this);
  }
}
