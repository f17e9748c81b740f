package org.stationreplay.bench;

import java.util.ArrayList;
import java.util.List;
import org.stationreplay.events.ClockTicked;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.ElementAttached;
import org.stationreplay.events.ElementDetached;
import org.stationreplay.events.ElementRelocated;
import org.stationreplay.events.ExpeditionStarted;
import org.stationreplay.events.MilestoneReached;
import org.stationreplay.events.ReplayStarted;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.events.StationEvent;
import org.stationreplay.events.VehicleArrived;
import org.stationreplay.events.VehicleDeparted;
import org.stationreplay.events.VehicleRelocated;

/** The real history copied for a synthetic station: the same events, with ids made unique by a prefix. */
final class Synthetic implements StationEvent.Cases<StationEvent> {
  private final String prefix;

  private Synthetic(String prefix) {
    this.prefix = prefix;
  }

  static List<StationEvent> copy(List<StationEvent> history, String station) {
    Synthetic s = new Synthetic(station.toLowerCase() + "-");
    List<StationEvent> out = new ArrayList<>(history.size());
    for (StationEvent e : history) {
      out.add(e.accept(s));
    }
    return out;
  }

  private String id(StationEvent e) {
    return prefix + e.id();
  }

  @Override
  public StationEvent elementAttached(ElementAttached e) {
    return new ElementAttached(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(), e.element(),
        e.kind(), e.agency(), e.location(), e.flight());
  }

  @Override
  public StationEvent elementDetached(ElementDetached e) {
    return new ElementDetached(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(), e.element(),
        e.reason());
  }

  @Override
  public StationEvent elementRelocated(ElementRelocated e) {
    return new ElementRelocated(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(),
        e.element(), e.from(), e.to());
  }

  @Override
  public StationEvent crewArrived(CrewArrived e) {
    return new CrewArrived(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(), e.vehicle(),
        e.crew());
  }

  @Override
  public StationEvent crewDeparted(CrewDeparted e) {
    return new CrewDeparted(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(), e.vehicle(),
        e.crew());
  }

  @Override
  public StationEvent expeditionStarted(ExpeditionStarted e) {
    return new ExpeditionStarted(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(),
        e.expedition(), e.commander());
  }

  @Override
  public StationEvent vehicleArrived(VehicleArrived e) {
    return new VehicleArrived(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(), e.vehicle(),
        e.vehicleType(), e.mode(), e.port(), e.agency());
  }

  @Override
  public StationEvent vehicleDeparted(VehicleDeparted e) {
    return new VehicleDeparted(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(),
        e.vehicle());
  }

  @Override
  public StationEvent vehicleRelocated(VehicleRelocated e) {
    return new VehicleRelocated(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(),
        e.vehicle(), e.from(), e.to());
  }

  @Override
  public StationEvent spacewalkPerformed(SpacewalkPerformed e) {
    return new SpacewalkPerformed(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(),
        e.crew(), e.duration(), e.designation(), e.airlock(), e.purpose());
  }

  @Override
  public StationEvent milestoneReached(MilestoneReached e) {
    return new MilestoneReached(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(), e.title(),
        e.caption());
  }

  @Override
  public StationEvent replayStarted(ReplayStarted e) {
    return new ReplayStarted(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(), e.reason());
  }

  @Override
  public StationEvent clockTicked(ClockTicked e) {
    return new ClockTicked(id(e), e.time(), e.schemaVersion(), e.source(), e.precision(), e.notes(), e.run());
  }
}
