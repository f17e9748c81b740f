package org.stationreplay.workshop.lab03;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projections.Projections;
import org.stationreplay.state.PersonAboard;
import org.stationreplay.state.StationState;
import org.stationreplay.projections.Fold;
import org.stationreplay.workshop.LabKit;

/**
 * Lab 3's check: the learner's fold up to an instant against the engine's own time travel, on the edges that
 * matter (before the first event, at an event's exact time, a millisecond before it, after the last) and on days
 * across the whole history, with every projection of the system.
 */
class Lab03Check {
  private final List<StationEvent> log = LabKit.history().events();

  @Test
  void shouldFoldEverythingUpToTheInstantAndNothingAfterIt() {
    ProjectionEngine engine = Projections.engine();
    for (Instant t : instants()) {
      assertThat(TimeTravel.at(engine, log, t).values())
          .as("TimeTravel.at(%s): every projection's value, against the engine's own time travel. Events at "
              + "exactly that instant count; events after it do not.", t)
          .isEqualTo(engine.foldUntil(log, t).values());
    }
  }

  @Test
  void shouldSayWhoWasAboardOnYourDay() {
    Instant endOfDay = TimeTravel.MY_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
    StationState state = Fold.stateAt(log, endOfDay);
    List<String> expected = state.crew().stream().map(PersonAboard::name).sorted().toList();
    assertThat(TimeTravel.aboard(log, endOfDay)).as("aboard at the end of %s (TimeTravel.MY_DAY)", TimeTravel.MY_DAY)
        .isEqualTo(expected);
  }

  private List<Instant> instants() {
    List<Instant> out = new ArrayList<>();
    out.add(log.get(0).time().minusSeconds(1));
    out.add(log.get(log.size() - 1).time().plusSeconds(1));
    for (int i = 0; i < log.size(); i += 37) {
      Instant t = log.get(i).time();
      out.add(t);
      out.add(t.minusMillis(1));
    }
    return out;
  }
}
