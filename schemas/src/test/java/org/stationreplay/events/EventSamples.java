package org.stationreplay.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One realistic sample of every event type, in its current version. */
public final class EventSamples {
  private EventSamples() {}

  static final Source NASA_ISS = new Source("NASA: International Space Station", "https://www.nasa.gov/international-space-station/");

  public static List<StationEvent> all() {
    Instant t = Instant.parse("2000-11-02T09:21:00Z");
    return List.of(
        new ElementAttached("1998-12-07-unity-attached", Instant.parse("1998-12-07T02:48:00Z"), 1, NASA_ISS,
            TimePrecision.MINUTE, "US date 6 Dec", "Unity", ElementKind.MODULE, Agency.NASA, "Zarya forward",
            "STS-88 / 2A"),
        new ElementDetached("2021-07-26-pirs-detached", Instant.parse("2021-07-26T10:55:33Z"), 1, NASA_ISS, null,
            null, "Pirs", "undocked with Progress MS-16"),
        new ElementRelocated("2007-11-14-harmony-relocated", Instant.parse("2007-11-14T12:00:00Z"), 1, NASA_ISS,
            TimePrecision.DAY, null, "Harmony", "Unity port", "Destiny forward"),
        new VehicleArrived("2000-11-02-soyuz-tm-31-arrived", t, 1, NASA_ISS, null, null, "Soyuz TM-31",
            VehicleType.SOYUZ, BerthingMode.DOCKED, "Zvezda aft", Agency.ROSCOSMOS),
        new CrewArrived("2000-11-02-soyuz-tm-31-crew-arrived", t, 1, NASA_ISS, null, null, "Soyuz TM-31",
            List.of(new CrewMember("William Shepherd", Agency.NASA, Role.EXPEDITION),
                new CrewMember("Yuri Gidzenko", Agency.ROSCOSMOS, Role.EXPEDITION),
                new CrewMember("Sergei Krikalev", Agency.ROSCOSMOS, Role.EXPEDITION))),
        new ExpeditionStarted("2000-11-02-expedition-1-started", t, 1, NASA_ISS, null, null, 1,
            "William Shepherd"),
        new CrewDeparted("2001-03-18-sts-102-discovery-crew-departed", Instant.parse("2001-03-18T04:32:00Z"), 1,
            NASA_ISS, null, null, "STS-102 Discovery", List.of("William Shepherd", "Yuri Gidzenko")),
        new VehicleDeparted("2001-03-18-sts-102-discovery-departed", Instant.parse("2001-03-18T04:32:00Z"), 1,
            NASA_ISS, null, null, "STS-102 Discovery"),
        new VehicleRelocated("2021-09-28-soyuz-ms-18-relocated", Instant.parse("2021-09-28T12:33:00Z"), 1, NASA_ISS,
            null, "Rassvet to Nauka, to free Rassvet for Soyuz MS-19", "Soyuz MS-18", "Rassvet", "Nauka nadir"),
        new SpacewalkPerformed("2013-11-09-spacewalk-kotov-ryazanskiy", Instant.parse("2013-11-09T14:34:00Z"), 2,
            NASA_ISS, null, null, List.of("Oleg Kotov", "Sergey Ryazanskiy"), Duration.ofMinutes(330),
            "Russian EVA 36", "Pirs", "Olympic torch"),
        new MilestoneReached("2000-11-02-milestone-expedition-1", t, 1, NASA_ISS, TimePrecision.DAY, null,
            "Entry of Expedition 1", "Expedition 1 arrives at the International Space Station."),
        new ReplayStarted("replay-restart-1998-11-20", Instant.parse("1998-11-20T06:40:00Z"), 1, NASA_ISS, null, null,
            "restart"),
        new ClockTicked("tick-2009-07-18-replay-restart-1-s1", Instant.parse("2009-07-18T00:00:00Z"), 1,
            new Source("Station History Replay producer", "urn:station-replay:producer"), null, null,
            "replay-restart-1-s1"));
  }
}
