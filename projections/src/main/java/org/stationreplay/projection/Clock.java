package org.stationreplay.projection;

import java.time.Instant;
import org.stationreplay.state.LastEvent;

/**
 * Where a replay's fold stands: the envelope the engine keeps beside the projections (topic
 * {@code station.projection.clock}). It moves on every applied event, every clock tick of the current run and
 * every run start; no projection keeps any of this.
 *
 * @param asOf the simulated time: the last event's time, or later when the replay's clock ticked on
 * @param run the current replay run (the id of its {@code ReplayStarted} marker); null for a log without markers,
 *     such as a history file
 * @param lastEvent the last event applied (or the run's marker), in one readable line
 * @param eventsApplied history events applied since the run started
 */
public record Clock(Instant asOf, String run, LastEvent lastEvent, long eventsApplied) {
  public static final Clock EMPTY = new Clock(null, null, null, 0);

  /** The same clock at a later instant; unchanged if {@code instant} is not later. */
  public Clock advancedTo(Instant instant) {
    return asOf != null && !instant.isAfter(asOf) ? this : new Clock(instant, run, lastEvent, eventsApplied);
  }

  /** Whether this is the state before any event. */
  public boolean isEmpty() {
    return asOf == null;
  }
}
