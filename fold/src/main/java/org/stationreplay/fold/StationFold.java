package org.stationreplay.fold;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.stationreplay.events.ClockTicked;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.CrewMember;
import org.stationreplay.events.ElementAttached;
import org.stationreplay.events.ElementDetached;
import org.stationreplay.events.ElementKind;
import org.stationreplay.events.ElementRelocated;
import org.stationreplay.events.EventType;
import org.stationreplay.events.ExpeditionStarted;
import org.stationreplay.events.MilestoneReached;
import org.stationreplay.events.ReplayStarted;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.events.StationEvent;
import org.stationreplay.events.VehicleArrived;
import org.stationreplay.events.VehicleDeparted;
import org.stationreplay.state.AttachedElement;
import org.stationreplay.state.DockedVehicle;
import org.stationreplay.state.LastEvent;
import org.stationreplay.state.Milestone;
import org.stationreplay.state.PersonAboard;
import org.stationreplay.state.StationState;

/**
 * The one fold from events to state, used by the Streams app, the offline {@code state} command and the history
 * validator alike. Pure: no clock, no I/O, no randomness; the same events always give the same state.
 */
public final class StationFold {
  private StationFold() {}

  /**
   * The state after {@code event}.
   *
   * @throws EventRejectedException if the event contradicts {@code state}; {@code state} is unchanged
   */
  public static StationState apply(StationState state, StationEvent event) {
    EventType type = EventType.of(event);
    if (type == EventType.CLOCK_TICKED) {
      return event.accept(new Step(state)); // only the clock moves: no event was applied
    }
    LastEvent last = new LastEvent(event.id(), event.type(), event.time(), Summaries.of(event));
    if (type == EventType.REPLAY_STARTED) {
      // A new replay run: everything after this marker rebuilds the station from nothing.
      return StationState.EMPTY.toBuilder().asOf(event.time()).lastEvent(last).run(event.id()).build();
    }
    if (state.lastEventTime() != null && event.time().isBefore(state.lastEventTime())) {
      throw new EventRejectedException(event, "time " + event.time() + " is earlier than the last applied event ("
          + state.lastEventId() + " at " + state.lastEventTime() + ")");
    }
    StationState next = event.accept(new Step(state));
    return bookkeeping(state, next, event, last);
  }

  /** Folds a whole log from the empty station; stops at the first rejected event. */
  public static StationState foldAll(Iterable<? extends StationEvent> events) {
    StationState state = StationState.EMPTY;
    for (StationEvent event : events) {
      state = apply(state, event);
    }
    return state;
  }

  /** The state at {@code instant}: every event at or before it applied, and the clock moved on to it. */
  public static StationState foldUntil(Iterable<? extends StationEvent> events, Instant instant) {
    StationState state = StationState.EMPTY;
    for (StationEvent event : events) {
      if (event.time().isAfter(instant)) {
        break;
      }
      state = apply(state, event);
    }
    return state.advancedTo(instant);
  }

  private static StationState bookkeeping(StationState before, StationState after, StationEvent event,
      LastEvent last) {
    LocalDate occupiedSince = after.occupiedSince();
    if (before.expeditionCrew() == 0 && after.expeditionCrew() > 0) {
      occupiedSince = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
    } else if (after.expeditionCrew() == 0) {
      occupiedSince = null;
    }
    Instant asOf = before.asOf() == null || event.time().isAfter(before.asOf()) ? event.time() : before.asOf();
    return after.toBuilder()
        .asOf(asOf)
        .occupiedSince(occupiedSince)
        .lastEvent(last)
        .eventsApplied(before.eventsApplied() + 1)
        .build();
  }

  /** One case per event type: the compiler checks that every type is handled. */
  private record Step(StationState s) implements StationEvent.Cases<StationState> {

    @Override
    public StationState elementAttached(ElementAttached e) {
      if (s.isAttached(e.element())) {
        throw new EventRejectedException(e, "element '" + e.element() + "' is already attached");
      }
      AttachedElement element = new AttachedElement(e.element(), e.kind(), e.agency(), e.location(), e.time());
      return e.kind() == ElementKind.MODULE
          ? s.toBuilder().modules(plus(s.modules(), element)).build()
          : s.toBuilder().elements(plus(s.elements(), element)).build();
    }

    @Override
    public StationState elementDetached(ElementDetached e) {
      requireAttached(e, e.element());
      UnaryOperator<List<AttachedElement>> remove =
          list -> list.stream().filter(x -> !x.name().equals(e.element())).toList();
      return s.toBuilder().modules(remove.apply(s.modules())).elements(remove.apply(s.elements())).build();
    }

    @Override
    public StationState elementRelocated(ElementRelocated e) {
      requireAttached(e, e.element());
      UnaryOperator<List<AttachedElement>> move =
          list -> list.stream().map(x -> x.name().equals(e.element()) ? x.movedTo(e.to()) : x).toList();
      return s.toBuilder().modules(move.apply(s.modules())).elements(move.apply(s.elements())).build();
    }

    @Override
    public StationState crewArrived(CrewArrived e) {
      requireDocked(e, e.vehicle());
      Set<String> names = new HashSet<>();
      List<PersonAboard> crew = new ArrayList<>(s.crew());
      for (CrewMember m : e.crew()) {
        if (!names.add(m.name())) {
          throw new EventRejectedException(e, m.name() + " is listed twice");
        }
        s.crew().stream().filter(p -> p.name().equals(m.name())).findFirst().ifPresent(p -> {
          throw new EventRejectedException(e, m.name() + " is already aboard (arrived " + p.since() + " on "
              + p.vehicle() + ")");
        });
        crew.add(new PersonAboard(m.name(), m.agency(), m.role(), e.vehicle(), e.time()));
      }
      return s.toBuilder().crew(crew).build();
    }

    @Override
    public StationState crewDeparted(CrewDeparted e) {
      requireDocked(e, e.vehicle());
      Set<String> leaving = new HashSet<>();
      for (String name : e.crew()) {
        if (!s.isAboard(name)) {
          throw new EventRejectedException(e, name + " is not aboard");
        }
        if (!leaving.add(name)) {
          throw new EventRejectedException(e, name + " is listed twice");
        }
      }
      return s.toBuilder().crew(s.crew().stream().filter(p -> !leaving.contains(p.name())).toList()).build();
    }

    @Override
    public StationState expeditionStarted(ExpeditionStarted e) {
      if (s.expedition() != null && e.expedition() <= s.expedition()) {
        throw new EventRejectedException(e, "expedition " + e.expedition() + " cannot follow expedition "
            + s.expedition());
      }
      return s.toBuilder().expedition(e.expedition()).build();
    }

    @Override
    public StationState vehicleArrived(VehicleArrived e) {
      if (s.isDocked(e.vehicle())) {
        throw new EventRejectedException(e, "vehicle '" + e.vehicle() + "' is already docked");
      }
      DockedVehicle vehicle =
          new DockedVehicle(e.vehicle(), e.vehicleType(), e.mode(), e.port(), e.agency(), e.time());
      return s.toBuilder().visitingVehicles(plus(s.visitingVehicles(), vehicle)).build();
    }

    @Override
    public StationState vehicleDeparted(VehicleDeparted e) {
      requireDocked(e, e.vehicle());
      return s.toBuilder()
          .visitingVehicles(s.visitingVehicles().stream().filter(v -> !v.name().equals(e.vehicle())).toList())
          .build();
    }

    @Override
    public StationState spacewalkPerformed(SpacewalkPerformed e) {
      for (String name : e.crew()) {
        if (!s.isAboard(name)) {
          throw new EventRejectedException(e, name + " is not aboard, so cannot go on a spacewalk");
        }
      }
      return s.toBuilder().spacewalks(s.spacewalks() + 1).build();
    }

    @Override
    public StationState clockTicked(ClockTicked e) {
      boolean sameRun = java.util.Objects.equals(s.run(), e.run());
      return sameRun && s.asOf() != null ? s.advancedTo(e.time()) : s; // a tick of another run: ignore it
    }

    @Override
    public StationState replayStarted(ReplayStarted e) {
      return StationState.EMPTY; // handled in apply(); here for exhaustiveness
    }

    @Override
    public StationState milestoneReached(MilestoneReached e) {
      return s.toBuilder().lastMilestone(new Milestone(e.id(), e.time(), e.title(), e.caption())).build();
    }

    private void requireAttached(StationEvent e, String element) {
      if (!s.isAttached(element)) {
        throw new EventRejectedException(e, "element '" + element + "' is not attached");
      }
    }

    private void requireDocked(StationEvent e, String vehicle) {
      if (!s.isDocked(vehicle)) {
        throw new EventRejectedException(e, "vehicle '" + vehicle + "' is not docked");
      }
    }

    private static <T> List<T> plus(List<T> list, T item) {
      List<T> copy = new ArrayList<>(list.size() + 1);
      copy.addAll(list);
      copy.add(item);
      return copy;
    }
  }
}
