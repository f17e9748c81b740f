package org.stationreplay.projection;

import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.ElementAttached;
import org.stationreplay.events.ElementDetached;
import org.stationreplay.events.ElementRelocated;
import org.stationreplay.events.ExpeditionStarted;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.MilestoneReached;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.events.VehicleArrived;
import org.stationreplay.events.VehicleDeparted;
import org.stationreplay.events.VehicleRelocated;

/**
 * The cases of a projection that cares about a few event types: every type leaves the value as it is unless a
 * method is overridden. A projection that must decide for every type (and be told by the compiler when a new type
 * appears) implements {@link HistoryEvent.Cases} itself instead.
 *
 * <pre>{@code
 * return event.accept(new Unchanged<>(value) {
 *   @Override public Count spacewalkPerformed(SpacewalkPerformed e) { return value.plusOne(); }
 * });
 * }</pre>
 */
public abstract class Unchanged<S> implements HistoryEvent.Cases<S> {
  protected final S value;

  protected Unchanged(S value) {
    this.value = value;
  }

  @Override
  public S elementAttached(ElementAttached e) {
    return value;
  }

  @Override
  public S elementDetached(ElementDetached e) {
    return value;
  }

  @Override
  public S elementRelocated(ElementRelocated e) {
    return value;
  }

  @Override
  public S crewArrived(CrewArrived e) {
    return value;
  }

  @Override
  public S crewDeparted(CrewDeparted e) {
    return value;
  }

  @Override
  public S expeditionStarted(ExpeditionStarted e) {
    return value;
  }

  @Override
  public S vehicleArrived(VehicleArrived e) {
    return value;
  }

  @Override
  public S vehicleDeparted(VehicleDeparted e) {
    return value;
  }

  @Override
  public S vehicleRelocated(VehicleRelocated e) {
    return value;
  }

  @Override
  public S spacewalkPerformed(SpacewalkPerformed e) {
    return value;
  }

  @Override
  public S milestoneReached(MilestoneReached e) {
    return value;
  }
}
