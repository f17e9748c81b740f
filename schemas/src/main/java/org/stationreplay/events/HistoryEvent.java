package org.stationreplay.events;

/**
 * A fact from the station's history: what projections fold. The replay's own markers ({@link ReplayMarker}) are
 * not history events, so no projection ever sees one: the engine handles them first.
 */
public sealed interface HistoryEvent extends StationEvent
    permits ElementAttached, ElementDetached, ElementRelocated, CrewArrived, CrewDeparted, ExpeditionStarted,
        VehicleArrived, VehicleDeparted, VehicleRelocated, SpacewalkPerformed, MilestoneReached {

  /** Dispatches to the method of {@code cases} for this event's type. */
  <R> R accept(HistoryEvent.Cases<R> cases);

  @Override
  default <R> R accept(StationEvent.Cases<R> cases) {
    return accept((HistoryEvent.Cases<R>) cases);
  }

  @Override
  default <R> R kind(Kinds<R> kinds) {
    return kinds.history(this);
  }

  /**
   * One method per history event type: a new type adds a method here and every projection stops compiling until
   * it says what the type does to it (see {@code Unchanged} in the projections module for "nothing").
   */
  interface Cases<R> {
    R elementAttached(ElementAttached e);

    R elementDetached(ElementDetached e);

    R elementRelocated(ElementRelocated e);

    R crewArrived(CrewArrived e);

    R crewDeparted(CrewDeparted e);

    R expeditionStarted(ExpeditionStarted e);

    R vehicleArrived(VehicleArrived e);

    R vehicleDeparted(VehicleDeparted e);

    R vehicleRelocated(VehicleRelocated e);

    R spacewalkPerformed(SpacewalkPerformed e);

    R milestoneReached(MilestoneReached e);
  }
}
