package org.stationreplay.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.stationreplay.events.Agency;
import org.stationreplay.events.BerthingMode;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.CrewMember;
import org.stationreplay.events.ElementAttached;
import org.stationreplay.events.ElementDetached;
import org.stationreplay.events.ElementKind;
import org.stationreplay.events.ElementRelocated;
import org.stationreplay.events.ExpeditionStarted;
import org.stationreplay.events.MilestoneReached;
import org.stationreplay.events.Role;
import org.stationreplay.events.Source;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.events.VehicleArrived;
import org.stationreplay.events.VehicleDeparted;
import org.stationreplay.events.VehicleRelocated;
import org.stationreplay.events.VehicleType;

/** Terse event builders for fold tests. */
public final class Events {
  public static final Source SRC = new Source("test", "https://example.org");

  private Events() {}

  public static Instant t(String iso) {
    return Instant.parse(iso.length() == 10 ? iso + "T12:00:00Z" : iso);
  }

  public static String id(String time, String what) {
    return (time.substring(0, 10) + "-" + what).toLowerCase().replaceAll("[^a-z0-9.-]+", "-");
  }

  public static ElementAttached attached(String time, String element, ElementKind kind) {
    return new ElementAttached(id(time, element + "-attached"), t(time), 1, SRC, null, null, element, kind,
        Agency.NASA, null, null);
  }

  public static ElementDetached detached(String time, String element) {
    return new ElementDetached(id(time, element + "-detached"), t(time), 1, SRC, null, null, element, null);
  }

  public static ElementRelocated relocated(String time, String element, String to) {
    return new ElementRelocated(id(time, element + "-relocated"), t(time), 1, SRC, null, null, element, null, to);
  }

  public static VehicleArrived docked(String time, String vehicle) {
    return new VehicleArrived(id(time, vehicle + "-arrived"), t(time), 1, SRC, null, null, vehicle,
        VehicleType.SOYUZ, BerthingMode.DOCKED, null, Agency.ROSCOSMOS);
  }

  public static VehicleRelocated moved(String time, String vehicle, String from, String to) {
    return new VehicleRelocated(id(time, vehicle + "-relocated"), t(time), 1, SRC, null, null, vehicle, from, to);
  }

  public static VehicleDeparted undocked(String time, String vehicle) {
    return new VehicleDeparted(id(time, vehicle + "-departed"), t(time), 1, SRC, null, null, vehicle);
  }

  public static CrewMember expedition(String name) {
    return new CrewMember(name, Agency.NASA, Role.EXPEDITION);
  }

  public static CrewMember visitor(String name) {
    return new CrewMember(name, Agency.ESA, Role.VISITOR);
  }

  public static CrewArrived arrived(String time, String vehicle, CrewMember... crew) {
    return new CrewArrived(id(time, vehicle + "-crew-arrived"), t(time), 1, SRC, null, null, vehicle,
        List.of(crew));
  }

  public static CrewDeparted departed(String time, String vehicle, String... names) {
    return new CrewDeparted(id(time, vehicle + "-crew-departed"), t(time), 1, SRC, null, null, vehicle,
        Arrays.asList(names));
  }

  public static ExpeditionStarted expeditionStarted(String time, int number) {
    return new ExpeditionStarted(id(time, "expedition-" + number), t(time), 1, SRC, null, null, number, null);
  }

  public static SpacewalkPerformed spacewalk(String time, String... crew) {
    return new SpacewalkPerformed(id(time, "spacewalk"), t(time), SpacewalkPerformed.SCHEMA_VERSION, SRC, null, null,
        Arrays.asList(crew), Duration.ofMinutes(390), null, null, null);
  }

  public static MilestoneReached milestone(String time, String title) {
    return new MilestoneReached(id(time, "milestone"), t(time), 1, SRC, null, null, title, title + " caption");
  }
}
