package org.stationreplay.projections;

import java.util.ArrayList;
import java.util.List;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.VehicleArrived;
import org.stationreplay.events.VehicleDeparted;
import org.stationreplay.events.VehicleRelocated;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.Unchanged;
import org.stationreplay.state.DockedVehicle;

/**
 * Visiting vehicles docked or berthed at the station, with their port, in arrival order. A relocation moves a
 * vehicle to its new port and keeps its place in the list and its arrival time.
 */
public final class VehiclesProjection implements Projection<VehiclesProjection.Vehicles> {
  public static final String NAME = "vehicles";

  public record Vehicles(List<DockedVehicle> visitingVehicles) {
    public static final Vehicles NONE = new Vehicles(List.of());

    public Vehicles {
      visitingVehicles = List.copyOf(visitingVehicles);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Visiting vehicles docked or berthed, with type, agency, port and arrival";
  }

  @Override
  public Class<Vehicles> valueType() {
    return Vehicles.class;
  }

  @Override
  public Vehicles initial() {
    return Vehicles.NONE;
  }

  @Override
  public Vehicles apply(Vehicles value, HistoryEvent event) {
    return event.accept(new Unchanged<>(value) {
      @Override
      public Vehicles vehicleArrived(VehicleArrived e) {
        List<DockedVehicle> docked = new ArrayList<>(value.visitingVehicles());
        docked.add(new DockedVehicle(e.vehicle(), e.vehicleType(), e.mode(), e.port(), e.agency(), e.time()));
        return new Vehicles(docked);
      }

      @Override
      public Vehicles vehicleRelocated(VehicleRelocated e) {
        return new Vehicles(value.visitingVehicles().stream()
            .map(v -> v.name().equals(e.vehicle())
                ? new DockedVehicle(v.name(), v.type(), v.mode(), e.to(), v.agency(), v.arrivedAt()) : v)
            .toList());
      }

      @Override
      public Vehicles vehicleDeparted(VehicleDeparted e) {
        return new Vehicles(value.visitingVehicles().stream().filter(v -> !v.name().equals(e.vehicle())).toList());
      }
    });
  }
}
