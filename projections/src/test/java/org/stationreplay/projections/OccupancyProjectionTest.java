package org.stationreplay.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationreplay.projection.Events.arrived;
import static org.stationreplay.projection.Events.departed;
import static org.stationreplay.projection.Events.expedition;
import static org.stationreplay.projection.Events.visitor;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OccupancyProjectionTest {
  private final OccupancyProjection occupancy = new OccupancyProjection();

  @Test
  void shouldStartWithTheFirstExpeditionCrewNotWithVisitorsAndEndWhenTheLastLeaves() {
    OccupancyProjection.Occupancy o = occupancy.initial();
    OccupancyProjection.Occupancy visitors = occupancy.apply(o, arrived("1998-12-07T02:07:00Z", "STS-88 Endeavour",
        visitor("Robert Cabana")));
    assertThat(visitors).as("visitors change nothing").isSameAs(o);

    o = occupancy.apply(o, arrived("2000-11-02T09:21:00Z", "Soyuz TM-31", expedition("William Shepherd"),
        expedition("Yuri Gidzenko")));
    assertThat(o.occupiedSince()).isEqualTo(LocalDate.of(2000, 11, 2));
    o = occupancy.apply(o, arrived("2001-03-10T06:38:00Z", "STS-102 Discovery", expedition("Yury Usachev")));
    assertThat(o.occupiedSince()).as("a new crew overlapping the old keeps the stretch").isEqualTo(
        LocalDate.of(2000, 11, 2));
    o = occupancy.apply(o, departed("2001-03-18T04:32:00Z", "STS-102 Discovery", "William Shepherd",
        "Yuri Gidzenko"));
    assertThat(o.occupiedSince()).isEqualTo(LocalDate.of(2000, 11, 2));
    assertThat(o.expeditionCrew()).containsExactly("Yury Usachev");
    o = occupancy.apply(o, departed("2001-08-20T14:51:00Z", "STS-105 Discovery", "Yury Usachev"));
    assertThat(o.occupiedSince()).isNull();
    assertThat(o.expeditionCrew()).isEmpty();
  }
}
