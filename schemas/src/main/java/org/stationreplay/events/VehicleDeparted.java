package org.stationreplay.events;

import java.time.Instant;

/** A visiting vehicle undocked or was released. */
public record VehicleDeparted(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String vehicle) implements HistoryEvent {

  public VehicleDeparted {
    Require.envelope(EventType.VEHICLE_DEPARTED, id, time, schemaVersion, source);
    Require.text(vehicle, "vehicle");
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.vehicleDeparted(this);
  }
}
