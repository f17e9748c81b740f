package org.stationreplay.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stationreplay.projection.Events.arrived;
import static org.stationreplay.projection.Events.attached;
import static org.stationreplay.projection.Events.departed;
import static org.stationreplay.projection.Events.detached;
import static org.stationreplay.projection.Events.docked;
import static org.stationreplay.projection.Events.expedition;
import static org.stationreplay.projection.Events.expeditionStarted;
import static org.stationreplay.projection.Events.milestone;
import static org.stationreplay.projection.Events.relocated;
import static org.stationreplay.projection.Events.spacewalk;
import static org.stationreplay.projection.Events.t;
import static org.stationreplay.projection.Events.undocked;
import static org.stationreplay.projection.Events.visitor;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.ElementKind;
import org.stationreplay.events.StationEvent;
import org.stationreplay.state.AttachedElement;
import org.stationreplay.state.PersonAboard;
import org.stationreplay.projection.EventRejectedException;
import org.stationreplay.projection.Outcome;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.state.StationState;

class StationStateFoldTest {

  static final List<StationEvent> EARLY_HISTORY = List.of(
      attached("1998-11-20T06:40:00Z", "Zarya", ElementKind.MODULE),
      attached("1998-12-07T02:07:00Z", "Unity", ElementKind.MODULE),
      attached("1998-12-07T02:07:00Z", "PMA-1", ElementKind.ADAPTER),
      docked("1998-12-07T02:07:00Z", "STS-88 Endeavour"),
      arrived("1998-12-07T02:07:00Z", "STS-88 Endeavour", visitor("Robert Cabana"), visitor("Sergei Krikalev")),
      spacewalk("1998-12-07T22:10:00Z", "Robert Cabana"),
      departed("1998-12-13T20:49:00Z", "STS-88 Endeavour", "Robert Cabana", "Sergei Krikalev"),
      undocked("1998-12-13T20:49:00Z", "STS-88 Endeavour"),
      attached("2000-07-26T00:45:00Z", "Zvezda", ElementKind.MODULE),
      attached("2000-10-14T12:00:00Z", "Z1", ElementKind.TRUSS),
      docked("2000-11-02T09:21:00Z", "Soyuz TM-31"),
      arrived("2000-11-02T09:21:00Z", "Soyuz TM-31", expedition("William Shepherd"), expedition("Yuri Gidzenko"),
          expedition("Sergei Krikalev")),
      expeditionStarted("2000-11-02T09:21:00Z", 1),
      milestone("2000-11-02T12:00:00Z", "Entry of Expedition 1"));

  @Test
  void shouldCountEveryoneAboardButOnlyLongDurationCrewAsExpeditionCrew() {
    StationState s = Fold.state(EARLY_HISTORY.subList(0, 5));
    assertThat(s.peopleAboard()).isEqualTo(2);
    assertThat(s.expeditionCrew()).isZero();
    assertThat(s.crew()).extracting(PersonAboard::vehicle).containsOnly("STS-88 Endeavour");

    StationState later = Fold.state(EARLY_HISTORY);
    assertThat(later.peopleAboard()).isEqualTo(3);
    assertThat(later.expeditionCrew()).isEqualTo(3);
    assertThat(later.expedition()).isEqualTo(1);
  }

  @Test
  void shouldCountOnlyModulesAsModulesAndKeepAttachOrder() {
    StationState s = Fold.state(EARLY_HISTORY);
    assertThat(s.modules()).extracting(AttachedElement::name).containsExactly("Zarya", "Unity", "Zvezda");
    assertThat(s.moduleCount()).isEqualTo(3);
    assertThat(s.elements()).extracting(AttachedElement::name).containsExactly("PMA-1", "Z1");
  }

  @Test
  void shouldStartContinuousOccupancyWithTheFirstExpeditionCrewNotWithVisitors() {
    StationState beforeExpedition1 = Fold.stateAt(EARLY_HISTORY, t("2000-11-01T23:59:59Z"));
    assertThat(beforeExpedition1.continuousOccupancyDays()).isZero();
    assertThat(beforeExpedition1.occupiedSince()).isNull();

    StationState dayOne = Fold.stateAt(EARLY_HISTORY, t("2000-11-02T23:59:59.999Z"));
    assertThat(dayOne.occupiedSince()).isEqualTo(LocalDate.of(2000, 11, 2));
    assertThat(dayOne.continuousOccupancyDays()).isZero();
    assertThat(dayOne.asOf()).isEqualTo(t("2000-11-02T23:59:59.999Z"));

    assertThat(Fold.stateAt(EARLY_HISTORY, t("2015-11-02T23:59:59.999Z")).continuousOccupancyDays())
        .isEqualTo(5478);
  }

  @Test
  void shouldEndOccupancyWhenTheLastExpeditionMemberLeaves() {
    List<StationEvent> log = new java.util.ArrayList<>(EARLY_HISTORY);
    log.add(departed("2001-03-18T04:32:00Z", "Soyuz TM-31", "William Shepherd", "Yuri Gidzenko",
        "Sergei Krikalev"));
    StationState s = Fold.stateAt(log, t("2001-03-20T00:00:00Z"));
    assertThat(s.occupiedSince()).isNull();
    assertThat(s.continuousOccupancyDays()).isZero();
  }

  @Test
  void shouldCountSpacewalksAndKeepTheLatestMilestone() {
    StationState s = Fold.state(EARLY_HISTORY);
    assertThat(s.spacewalks()).isEqualTo(1);
    assertThat(s.lastMilestone().title()).isEqualTo("Entry of Expedition 1");
    assertThat(s.lastEventId()).isEqualTo(EARLY_HISTORY.get(EARLY_HISTORY.size() - 1).id());
    assertThat(s.eventsApplied()).isEqualTo(EARLY_HISTORY.size());
  }

  @Test
  void shouldRelocateAndDetachElements() {
    StationState s = Fold.state(List.of(
        attached("2007-10-26", "Harmony", ElementKind.MODULE),
        relocated("2007-11-14", "Harmony", "Destiny forward"),
        attached("2007-11-15", "Pirs", ElementKind.MODULE),
        detached("2021-07-26", "Pirs")));
    assertThat(s.modules()).singleElement().satisfies(m -> {
      assertThat(m.name()).isEqualTo("Harmony");
      assertThat(m.location()).isEqualTo("Destiny forward");
      assertThat(m.attachedAt()).isEqualTo(t("2007-10-26"));
    });
  }

  @Test
  void shouldRejectADepartureOfSomeoneNotAboard() {
    assertRejected(EARLY_HISTORY, departed("2001-01-01", "Soyuz TM-31", "Yuri Gagarin"), "Yuri Gagarin is not aboard");
  }

  @Test
  void shouldRejectAnArrivalOfSomeoneAlreadyAboard() {
    assertRejected(EARLY_HISTORY, arrived("2001-01-01", "Soyuz TM-31", expedition("William Shepherd")),
        "William Shepherd is already aboard");
  }

  @Test
  void shouldRejectCrewMovingOnAVehicleThatIsNotDocked() {
    assertRejected(EARLY_HISTORY, arrived("2001-01-01", "Soyuz TM-32", expedition("Talgat Musabayev")),
        "vehicle 'Soyuz TM-32' is not docked");
  }

  @Test
  void shouldRejectARelocationOfAVehicleThatIsNotDocked() {
    assertRejected(EARLY_HISTORY, org.stationreplay.projection.Events.moved("2001-01-01", "Soyuz TM-32", "Zarya nadir",
        "Zvezda aft"), "vehicle 'Soyuz TM-32' is not docked");
  }

  @Test
  void shouldRejectADetachOfSomethingNotAttached() {
    assertRejected(EARLY_HISTORY, detached("2001-01-01", "Nauka"),
        "element 'Nauka' is not attached");
  }

  @Test
  void shouldRejectAttachingTwiceAndDockingTwice() {
    assertRejected(EARLY_HISTORY, attached("2001-01-01", "Unity", ElementKind.MODULE), "element 'Unity' is already attached");
    assertRejected(EARLY_HISTORY, docked("2001-01-01", "Soyuz TM-31"), "vehicle 'Soyuz TM-31' is already docked");
  }

  @Test
  void shouldRejectTimeRunningBackwards() {
    assertRejected(EARLY_HISTORY, spacewalk("1999-01-01", "William Shepherd"),
        "is earlier than the last applied event");
  }

  @Test
  void shouldRejectASpacewalkBySomeoneNotAboard() {
    assertRejected(EARLY_HISTORY, spacewalk("2001-01-01", "William Shepherd", "Alexei Leonov"),
        "Alexei Leonov is not aboard");
  }

  @Test
  void shouldRejectAnExpeditionThatDoesNotFollowTheCurrentOne() {
    assertRejected(EARLY_HISTORY, expeditionStarted("2001-03-18", 1),
        "expedition 1 cannot follow expedition 1");
  }

  @Test
  void shouldBeDeterministic() {
    assertThat(Fold.state(EARLY_HISTORY)).isEqualTo(Fold.state(List.copyOf(EARLY_HISTORY)));
  }

  private static void assertRejected(List<StationEvent> log, StationEvent event, String reason) {
    ProjectionEngine engine = Projections.engine();
    Snapshot before = engine.fold(log);
    Outcome outcome = engine.apply(before, event);
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.REJECTED);
    assertThat(outcome.reason()).contains(reason);
    assertThat(outcome.snapshot()).isSameAs(before);
    assertThatThrownBy(() -> engine.step(before, event)).isInstanceOf(EventRejectedException.class)
        .hasMessageContaining(reason);
  }
}
