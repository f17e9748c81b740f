package org.stationreplay.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationreplay.projection.Events.arrived;
import static org.stationreplay.projection.Events.docked;
import static org.stationreplay.projection.Events.moved;
import static org.stationreplay.projection.Events.undocked;
import static org.stationreplay.projection.Events.visitor;

import org.junit.jupiter.api.Test;
import org.stationreplay.state.DockedVehicle;

class VehiclesProjectionTest {
  private final VehiclesProjection vehicles = new VehiclesProjection();

  @Test
  void shouldListDockedVehiclesInArrivalOrder() {
    VehiclesProjection.Vehicles v = vehicles.initial();
    v = vehicles.apply(v, docked("2000-11-02T09:21:00Z", "Soyuz TM-31"));
    v = vehicles.apply(v, docked("2000-11-18T03:48:00Z", "Progress M1-4"));
    assertThat(v.visitingVehicles()).extracting(DockedVehicle::name).containsExactly("Soyuz TM-31", "Progress M1-4");
    assertThat(vehicles.apply(v, arrived("2000-11-19", "Soyuz TM-31", visitor("X")))).isSameAs(v);
    v = vehicles.apply(v, undocked("2001-05-06T02:41:00Z", "Soyuz TM-31"));
    assertThat(v.visitingVehicles()).extracting(DockedVehicle::name).containsExactly("Progress M1-4");
  }

  @Test
  void shouldMoveARelocatedVehicleToItsNewPortKeepingItsPlaceAndArrival() {
    VehiclesProjection.Vehicles v = vehicles.initial();
    v = vehicles.apply(v, docked("2021-04-09T11:05:07Z", "Soyuz MS-18"));
    v = vehicles.apply(v, docked("2021-07-02T00:59:00Z", "Progress MS-17"));
    v = vehicles.apply(v, moved("2021-09-28T12:33:00Z", "Soyuz MS-18", "Rassvet", "Nauka nadir"));
    assertThat(v.visitingVehicles()).extracting(DockedVehicle::name).containsExactly("Soyuz MS-18", "Progress MS-17");
    assertThat(v.visitingVehicles().get(0).port()).isEqualTo("Nauka nadir");
    assertThat(v.visitingVehicles().get(0).arrivedAt()).isEqualTo(org.stationreplay.projection.Events.t("2021-04-09T11:05:07Z"));
    assertThat(v.visitingVehicles().get(1).port()).isNull();
  }
}
