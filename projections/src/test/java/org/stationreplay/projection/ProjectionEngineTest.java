package org.stationreplay.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stationreplay.projection.Events.SRC;
import static org.stationreplay.projection.Events.arrived;
import static org.stationreplay.projection.Events.attached;
import static org.stationreplay.projection.Events.docked;
import static org.stationreplay.projection.Events.expedition;
import static org.stationreplay.projection.Events.spacewalk;
import static org.stationreplay.projection.Events.t;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.ClockTicked;
import org.stationreplay.events.ElementKind;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.ReplayStarted;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.events.StationEvent;

class ProjectionEngineTest {
  /** Counts the spacewalks: changes on one event type only. */
  record Count(int n) {}

  static final class Walks implements Projection<Count> {
    @Override public String name() { return "walks"; }
    @Override public String description() { return "spacewalks"; }
    @Override public Class<Count> valueType() { return Count.class; }
    @Override public Count initial() { return new Count(0); }

    @Override
    public Count apply(Count value, HistoryEvent event) {
      return event.accept(new Unchanged<>(value) {
        @Override
        public Count spacewalkPerformed(SpacewalkPerformed e) {
          return new Count(value.n() + 1);
        }
      });
    }
  }

  /** Counts every history event: changes on all of them. */
  static class Everything implements Projection<Count> {
    @Override public String name() { return "everything"; }
    @Override public String description() { return "events"; }
    @Override public Class<Count> valueType() { return Count.class; }
    @Override public Count initial() { return new Count(0); }
    @Override public Count apply(Count value, HistoryEvent event) { return new Count(value.n() + 1); }
  }

  /** A projection with a bug: throws on every spacewalk. */
  static final class Broken implements Projection<Count> {
    @Override public String name() { return "broken"; }
    @Override public String description() { return "throws"; }
    @Override public Class<Count> valueType() { return Count.class; }
    @Override public Count initial() { return new Count(0); }

    @Override
    public Count apply(Count value, HistoryEvent event) {
      return event.accept(new Unchanged<>(value) {
        @Override
        public Count spacewalkPerformed(SpacewalkPerformed e) {
          throw new ArithmeticException("bug");
        }
      });
    }
  }

  private final ProjectionEngine engine = new ProjectionEngine(List.of(new Walks(), new Everything()));

  private static final List<HistoryEvent> LOG = List.of(
      attached("1998-11-20T06:40:00Z", "Zarya", ElementKind.MODULE),
      docked("1998-12-07T02:07:00Z", "STS-88 Endeavour"),
      arrived("1998-12-07T02:07:00Z", "STS-88 Endeavour", expedition("Jerry Ross")),
      spacewalk("1998-12-07T22:10:00Z", "Jerry Ross"));

  private static ReplayStarted marker(String id, Instant time) {
    return new ReplayStarted(id, time, 1, SRC, null, null, "start");
  }

  private static ClockTicked tick(String run, String time) {
    return new ClockTicked("tick-" + time.substring(0, 10), t(time), 1, SRC, null, null, run);
  }

  @Test
  void shouldWriteAProjectionOnlyWhenItsValueChanges() {
    Snapshot s = engine.fold(LOG.subList(0, 3));
    Outcome docking = engine.apply(engine.fold(LOG.subList(0, 1)), LOG.get(1));
    assertThat(docking.changed(0)).as("walks unchanged by a docking").isFalse();
    assertThat(docking.changed(1)).isTrue();

    Outcome walk = engine.apply(s, LOG.get(3));
    assertThat(walk.kind()).isEqualTo(Outcome.Kind.APPLIED);
    assertThat(walk.changed(0)).isTrue();
    assertThat(walk.snapshot().value(0)).isEqualTo(new Count(1));
    assertThat(walk.snapshot().clock().eventsApplied()).isEqualTo(4);
    assertThat(walk.snapshot().clock().lastEvent().summary()).isEqualTo("Spacewalk: Jerry Ross (6 h 30 min)");
  }

  @Test
  void shouldStartEveryProjectionAgainAtARunMarkerWithoutAnyProjectionSeeingIt() {
    Snapshot folded = engine.fold(LOG);
    Outcome started = engine.apply(folded, marker("replay-start-2-iss", t("1998-11-20T06:40:00Z")));
    assertThat(started.kind()).isEqualTo(Outcome.Kind.STARTED);
    assertThat(started.snapshot().values()).containsExactly(new Count(0), new Count(0));
    assertThat(started.changed(0)).isTrue();
    assertThat(started.changed(1)).isTrue();
    assertThat(started.snapshot().clock()).satisfies(c -> {
      assertThat(c.run()).isEqualTo("replay-start-2-iss");
      assertThat(c.eventsApplied()).isZero();
      assertThat(c.asOf()).isEqualTo(t("1998-11-20T06:40:00Z"));
    });
    // The rules start again too: the same events may be applied once more in the new run.
    assertThat(engine.fold(List.<StationEvent>of(marker("r", t("1998-11-20T06:40:00Z")))).admission())
        .isEqualTo(Admission.EMPTY);
    Snapshot again = started.snapshot();
    for (HistoryEvent e : LOG) {
      again = engine.step(again, e);
    }
    assertThat(again.values()).isEqualTo(folded.values());
  }

  @Test
  void shouldMoveOnlyTheClockOnATickOfTheCurrentRunAndIgnoreOtherRuns() {
    Snapshot s = engine.fold(List.<StationEvent>of(marker("run-a", t("1998-11-20T06:40:00Z")), LOG.get(0)));
    Outcome ticked = engine.apply(s, tick("run-a", "1998-11-21T00:00:00Z"));
    assertThat(ticked.kind()).isEqualTo(Outcome.Kind.TICKED);
    assertThat(ticked.changed()).isZero();
    assertThat(ticked.snapshot().clock().asOf()).isEqualTo(t("1998-11-21T00:00:00Z"));
    assertThat(ticked.snapshot().values()).isEqualTo(s.values());

    assertThat(engine.apply(s, tick("run-b", "1998-11-22T00:00:00Z")).kind()).isEqualTo(Outcome.Kind.IGNORED);
    assertThat(engine.apply(ticked.snapshot(), tick("run-a", "1998-11-20T12:00:00Z")).kind())
        .as("a tick that does not move the clock forward").isEqualTo(Outcome.Kind.IGNORED);
  }

  @Test
  void shouldRefuseAnEventThatBreaksARuleBeforeAnyProjectionSeesIt() {
    Snapshot s = engine.fold(LOG);
    Outcome refused = engine.apply(s, spacewalk("1999-01-01", "Yuri Gagarin"));
    assertThat(refused.kind()).isEqualTo(Outcome.Kind.REJECTED);
    assertThat(refused.reason()).isEqualTo("Yuri Gagarin is not aboard, so cannot go on a spacewalk");
    assertThat(refused.snapshot()).isSameAs(s);
    assertThat(engine.apply(s, LOG.get(3)).reason()).startsWith("duplicate event id " + LOG.get(3).id());
  }

  @Test
  void shouldKeepAFailingProjectionApartFromTheOthers() {
    ProjectionEngine withBug = new ProjectionEngine(List.of(new Broken(), new Everything()));
    Outcome o = withBug.apply(withBug.fold(LOG.subList(0, 3)), LOG.get(3));
    assertThat(o.kind()).isEqualTo(Outcome.Kind.APPLIED);
    assertThat(o.failures()).singleElement().satisfies(f -> {
      assertThat(f.projection()).isEqualTo("broken");
      assertThat(f.error()).isInstanceOf(ArithmeticException.class);
    });
    assertThat(o.snapshot().values()).containsExactly(new Count(0), new Count(4));
    assertThatThrownBy(() -> withBug.fold(LOG)).hasMessageContaining("projection 'broken' failed");
  }

  @Test
  void shouldLeaveInactiveProjectionsAsTheyAre() {
    Outcome o = engine.apply(engine.fold(LOG.subList(0, 3)), LOG.get(3), 0b10);
    assertThat(o.changed(0)).isFalse();
    assertThat(o.snapshot().value(0)).isEqualTo(new Count(0));
    assertThat(o.snapshot().value(1)).isEqualTo(new Count(4));
  }

  @Test
  void shouldRefoldARunUpToAnyInstantAsTheLiveFoldSawIt() {
    ReplayStarted start = marker("run-a", t("1998-11-20T06:40:00Z"));
    Clock runStart = engine.apply(engine.empty(), start).snapshot().clock();
    Instant until = t("1998-12-07T12:00:00Z");
    Snapshot live = engine.foldUntil(List.<StationEvent>of(start, LOG.get(0), LOG.get(1), LOG.get(2), LOG.get(3)),
        until);
    Snapshot refolded = engine.refold(runStart, LOG, until);
    assertThat(refolded.clock()).isEqualTo(live.clock());
    assertThat(refolded.values()).isEqualTo(live.values());
    assertThat(engine.foldOne(1, LOG)).isEqualTo(new Count(4));
  }

  @Test
  void shouldRefuseProjectionsThatCannotBeToldApart() {
    assertThatThrownBy(() -> new ProjectionEngine(List.of(new Walks(), new Walks())))
        .hasMessageContaining("'walks' is taken (twice in the list)");
    Projection<Count> clock = new Everything() {
      @Override public String name() { return "clock"; }
    };
    assertThatThrownBy(() -> new ProjectionEngine(List.of(clock))).hasMessageContaining("by the engine's clock");
    Projection<Count> badName = new Everything() {
      @Override public String name() { return "Bad Name"; }
    };
    assertThatThrownBy(() -> new ProjectionEngine(List.of(badName))).hasMessageContaining("must match");
  }
}
