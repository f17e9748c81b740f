package org.stationreplay.events;

import java.time.Instant;

/**
 * Not a historical fact but the replay's simulated clock: a replay run passed a simulated midnight between two
 * events. It moves the state's {@code asOf} (and the count of days of continuous occupancy) so dashboards see the
 * days go by. Written to the same partition as the events, so a tick can never overtake the event before it.
 *
 * @param run the replay run that ticked (the id of its {@link ReplayStarted} marker); a tick of another run
 *     changes nothing
 */
public record ClockTicked(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String run) implements ReplayMarker {

  public ClockTicked {
    Require.envelope(EventType.CLOCK_TICKED, id, time, schemaVersion, source);
    Require.text(run, "run");
  }

  @Override
  public <R> R accept(StationEvent.Cases<R> cases) {
    return cases.clockTicked(this);
  }

  @Override
  public <R> R kind(Kinds<R> kinds) {
    return kinds.clockTicked(this);
  }
}
