package org.stationreplay.events;

import java.time.Instant;

/** A visiting vehicle docked or was berthed. */
public record VehicleArrived(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String vehicle,
    VehicleType vehicleType,
    BerthingMode mode,
    String port,
    Agency agency) implements HistoryEvent {

  public VehicleArrived {
    Require.envelope(EventType.VEHICLE_ARRIVED, id, time, schemaVersion, source);
    Require.text(vehicle, "vehicle");
    Require.present(vehicleType, "vehicleType");
    Require.present(mode, "mode");
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.vehicleArrived(this);
  }
}
