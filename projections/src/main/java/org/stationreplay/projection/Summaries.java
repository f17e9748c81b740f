package org.stationreplay.projection;

import java.util.List;
import org.stationreplay.events.BerthingMode;
import org.stationreplay.events.ClockTicked;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.CrewMember;
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

/** One readable line per event, for timelines: "Soyuz TM-31 docked at Zvezda aft". */
public final class Summaries implements StationEvent.Cases<String> {
  private static final Summaries INSTANCE = new Summaries();

  private Summaries() {}

  public static String of(StationEvent event) {
    return event.accept(INSTANCE);
  }

  @Override
  public String elementAttached(ElementAttached e) {
    return e.element() + " attached" + at(e.location());
  }

  @Override
  public String elementDetached(ElementDetached e) {
    return e.element() + " detached" + (e.reason() == null ? "" : ": " + e.reason());
  }

  @Override
  public String elementRelocated(ElementRelocated e) {
    return e.element() + " moved to " + e.to();
  }

  @Override
  public String crewArrived(CrewArrived e) {
    return names(e.crew().stream().map(CrewMember::name).toList()) + " arrived on " + e.vehicle();
  }

  @Override
  public String crewDeparted(CrewDeparted e) {
    return names(e.crew()) + " left on " + e.vehicle();
  }

  @Override
  public String expeditionStarted(ExpeditionStarted e) {
    return "Expedition " + e.expedition() + " began" + (e.commander() == null ? "" : ", commander " + e.commander());
  }

  @Override
  public String vehicleArrived(VehicleArrived e) {
    return e.vehicle() + (e.mode() == BerthingMode.BERTHED ? " berthed" : " docked") + at(e.port());
  }

  @Override
  public String vehicleDeparted(VehicleDeparted e) {
    return e.vehicle() + " departed";
  }

  @Override
  public String vehicleRelocated(VehicleRelocated e) {
    return e.vehicle() + " moved to " + e.to();
  }

  @Override
  public String spacewalkPerformed(SpacewalkPerformed e) {
    // Whole hours and minutes, as v1's durationMinutes gave them: a v1 and a v2 spacewalk read the same.
    int minutes = e.duration() == null ? 0 : e.duration().toMinutesPart();
    String duration = e.duration() == null ? ""
        : " (" + e.duration().toHours() + " h " + (minutes < 10 ? "0" : "") + minutes + " min)";
    return "Spacewalk: " + names(e.crew()) + duration;
  }

  @Override
  public String milestoneReached(MilestoneReached e) {
    return e.title();
  }

  @Override
  public String replayStarted(ReplayStarted e) {
    return "Replay " + switch (e.reason()) {
      case "restart" -> "restarted";
      case "loop" -> "looped to the start";
      case "seek" -> "rewound";
      default -> "started";
    };
  }

  @Override
  public String clockTicked(ClockTicked e) {
    return "Simulated clock at " + e.time();
  }

  private static String at(String place) {
    return place == null || place.isBlank() ? "" : " at " + place;
  }

  private static String names(List<String> names) {
    if (names.size() <= 2) {
      return String.join(" and ", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
