package org.stationreplay.state;

import java.time.Instant;
import org.stationreplay.events.Agency;
import org.stationreplay.events.BerthingMode;
import org.stationreplay.events.VehicleType;

/** A visiting vehicle docked or berthed at the station. */
public record DockedVehicle(
    String name, VehicleType type, BerthingMode mode, String port, Agency agency, Instant arrivedAt) {}
