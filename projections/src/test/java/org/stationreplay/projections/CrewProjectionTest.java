package org.stationreplay.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationreplay.projection.Events.arrived;
import static org.stationreplay.projection.Events.departed;
import static org.stationreplay.projection.Events.docked;
import static org.stationreplay.projection.Events.expedition;
import static org.stationreplay.projection.Events.expeditionStarted;
import static org.stationreplay.projection.Events.spacewalk;
import static org.stationreplay.projection.Events.visitor;

import org.junit.jupiter.api.Test;
import org.stationreplay.events.Role;
import org.stationreplay.state.PersonAboard;

class CrewProjectionTest {
  private final CrewProjection crew = new CrewProjection();

  @Test
  void shouldTrackWhoIsAboardWithTheirVehicleAndTheExpedition() {
    CrewProjection.Crew c = crew.initial();
    c = crew.apply(c, arrived("2000-11-02T09:21:00Z", "Soyuz TM-31", expedition("William Shepherd"),
        expedition("Yuri Gidzenko")));
    c = crew.apply(c, expeditionStarted("2000-11-02T09:21:00Z", 1));
    c = crew.apply(c, arrived("2000-12-02T20:59:00Z", "STS-97 Endeavour", visitor("Joseph Tanner")));
    assertThat(c.expedition()).isEqualTo(1);
    assertThat(c.peopleAboard()).isEqualTo(3);
    assertThat(c.expeditionCrew()).isEqualTo(2);
    assertThat(c.crew()).extracting(PersonAboard::name, PersonAboard::vehicle, PersonAboard::role).containsExactly(
        org.assertj.core.groups.Tuple.tuple("William Shepherd", "Soyuz TM-31", Role.EXPEDITION),
        org.assertj.core.groups.Tuple.tuple("Yuri Gidzenko", "Soyuz TM-31", Role.EXPEDITION),
        org.assertj.core.groups.Tuple.tuple("Joseph Tanner", "STS-97 Endeavour", Role.VISITOR));

    c = crew.apply(c, departed("2000-12-09T19:13:00Z", "STS-97 Endeavour", "Joseph Tanner"));
    assertThat(c.crew()).extracting(PersonAboard::name).containsExactly("William Shepherd", "Yuri Gidzenko");
  }

  @Test
  void shouldNotChangeOnEventsThatDoNotConcernTheCrew() {
    CrewProjection.Crew c = crew.initial();
    assertThat(crew.apply(c, docked("2000-11-02T09:21:00Z", "Soyuz TM-31"))).isSameAs(c);
    assertThat(crew.apply(c, spacewalk("2000-12-03", "Joseph Tanner"))).isSameAs(c);
  }
}
