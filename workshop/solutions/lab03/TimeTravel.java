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
 * Lab 3, a reference solution.
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
    Snapshot s = engine.empty();
    for (StationEvent e : log) {
      if (e.time().isAfter(instant)) {
        break; // the log is in time order: nothing after this one is before the instant
      }
      s = engine.step(s, e);
    }
    return s;
  }

  /** Who was aboard at {@code instant}, sorted by name: the crew projection, folded by your {@link #at}. */
  public static List<String> aboard(List<StationEvent> log, Instant instant) {
    ProjectionEngine engine = new ProjectionEngine(List.of(new CrewProjection()));
    CrewProjection.Crew crew = (CrewProjection.Crew) at(engine, log, instant).value(0);
    return crew.crew().stream().map(PersonAboard::name).sorted().toList();
  }
}
