package org.stationreplay.projections;

import java.time.Instant;
import org.stationreplay.events.StationEvent;
import org.stationreplay.state.StationState;

/**
 * The station's state document folded offline from a log, no Kafka, with every registered projection: what
 * {@code ./station state} prints and what the tests compare the Streams app with.
 */
public final class Fold {
  private Fold() {}

  /** After every event; stops at the first one the rules refuse. */
  public static StationState state(Iterable<? extends StationEvent> events) {
    return Composite.state(Projections.engine(), Projections.engine().fold(events));
  }

  /** The state after each event in turn: one per event. */
  public static java.util.List<StationState> states(Iterable<? extends StationEvent> events) {
    java.util.List<StationState> states = new java.util.ArrayList<>();
    org.stationreplay.projection.Snapshot s = Projections.engine().empty();
    for (StationEvent e : events) {
      s = Projections.engine().step(s, e);
      states.add(Composite.state(Projections.engine(), s));
    }
    return states;
  }

  /** At {@code instant}: every event at or before it applied, and the clock moved on to it. */
  public static StationState stateAt(Iterable<? extends StationEvent> events, Instant instant) {
    return Composite.state(Projections.engine(), Projections.engine().foldUntil(events, instant));
  }
}
