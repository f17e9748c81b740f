package org.stationreplay.workshop.lab03;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.CrewProjection;
import org.stationreplay.state.PersonAboard;

/**
 * Lab 3: time travel. The state on any date is the fold of the log up to that date: no snapshot of the past is
 * kept anywhere, none is needed. See {@code workshop/labs/03-time-travel/README.md}.
 */
public final class TimeTravel {
  /** Your birthday, or any day since 20 Nov 1998: the check asks who was aboard then, too. */
  public static final LocalDate MY_DAY = LocalDate.of(2010, 6, 1);

  private TimeTravel() {}

  /**
   * The state at {@code instant}: every event of {@code log} at or before it applied by {@code engine} (in order,
   * starting from {@code engine.empty()}), and none after it.
   */
  public static Snapshot at(ProjectionEngine engine, List<StationEvent> log, Instant instant) {
    // TODO lab 3: start from engine.empty(), apply each event with engine.step(snapshot, event) while its time is
    // not after `instant`, and return the snapshot.
    throw new UnsupportedOperationException("TODO lab 3: TimeTravel.at folds the log up to the instant "
        + "(see workshop/labs/03-time-travel/README.md)");
  }

  /** Who was aboard at {@code instant}, sorted by name: the crew projection, folded by your {@link #at}. */
  public static List<String> aboard(List<StationEvent> log, Instant instant) {
    ProjectionEngine engine = new ProjectionEngine(List.of(new CrewProjection()));
    CrewProjection.Crew crew = (CrewProjection.Crew) at(engine, log, instant).value(0);
    return crew.crew().stream().map(PersonAboard::name).sorted().toList();
  }
}
