package org.stationreplay.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.MilestoneReached;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projections.Fold;
import org.stationreplay.state.AttachedElement;
import org.stationreplay.state.PersonAboard;
import org.stationreplay.state.StationState;

/** The build refuses a bundled history with any problem, and checks what the whole of it must add up to. */
class BundledHistoryTest {
  private static final History HISTORY = HistoryReader.bundled();

  @Test
  void shouldBeValid() {
    HistoryReader.Report report = HistoryReader.check(HistoryReader.BUNDLED_RESOURCE,
        HistoryReader.class.getClassLoader().getResourceAsStream(HistoryReader.BUNDLED_RESOURCE));
    assertThat(report.problems()).isEmpty();
    assertThat(report.history().size()).isEqualTo(HISTORY.size());
  }

  @Test
  void shouldRunFromZaryaToTheLastEventOf2021() {
    assertThat(HISTORY.firstTime()).isEqualTo(Instant.parse("1998-11-20T06:40:00Z"));
    assertThat(HISTORY.lines().get(0).event().id()).isEqualTo("1998-11-20-zarya-attached");
    // The last event of 2021: SpaceX CRS-24 docked on 22 Dec; nothing arrived, left or moved after it that year.
    assertThat(HISTORY.lines().get(HISTORY.size() - 1).event().id()).isEqualTo("2021-12-22-spacex-crs-24-arrived");
    assertThat(LocalDate.ofInstant(HISTORY.lastTime(), ZoneOffset.UTC)).isEqualTo(LocalDate.of(2021, 12, 22));
  }

  @Test
  void shouldEndOn31December2021WithTheStationAsItWas() {
    StationState end = Fold.stateAt(HISTORY.events(), Instant.parse("2021-12-31T23:59:59.999Z"));
    assertThat(end.crew()).extracting(PersonAboard::name).containsExactlyInAnyOrder("Anton Shkaplerov",
        "Pyotr Dubrov", "Mark T. Vande Hei", "Raja Chari", "Thomas Marshburn", "Kayla Barron", "Matthias Maurer");
    assertThat(end.expeditionCrew()).isEqualTo(7);
    assertThat(end.expedition()).isEqualTo(66);
    assertThat(end.modules()).extracting(AttachedElement::name).endsWith("Bishop", "Nauka", "Prichal").hasSize(18);
    assertThat(end.spacewalks()).isEqualTo(245);
    assertThat(end.visitingVehicles()).extracting(v -> v.name() + " at " + v.port()).containsExactly(
        "Soyuz MS-19 at Rassvet", "Progress MS-18 at Zvezda aft", "Crew Dragon Endurance (Crew-3) at Harmony forward",
        "SpaceX CRS-24 at Harmony zenith");
  }

  @Test
  void shouldEndOn2November2021WithTheStationAsItWas() {
    StationState end = Fold.stateAt(HISTORY.events(), Instant.parse("2021-11-02T23:59:59.999Z"));
    assertThat(end.crew()).extracting(PersonAboard::name).containsExactlyInAnyOrder("Anton Shkaplerov",
        "Pyotr Dubrov", "Mark T. Vande Hei", "Shane Kimbrough", "Megan McArthur", "Akihiko Hoshide",
        "Thomas Pesquet");
    assertThat(end.expeditionCrew()).isEqualTo(7);
    assertThat(end.expedition()).isEqualTo(66);
    assertThat(end.continuousOccupancyDays()).isEqualTo(7670);
    assertThat(end.modules()).extracting(AttachedElement::name).containsExactly("Zarya", "Unity", "Zvezda",
        "Destiny", "Quest", "Harmony", "Columbus", "Kibo ELM-PS", "Kibo PM", "Poisk", "Tranquility", "Cupola",
        "Rassvet", "Leonardo", "BEAM", "Bishop", "Nauka");
    assertThat(end.spacewalks()).isEqualTo(244);
  }

  @Test
  void shouldPeakAtThirteenAboardWithStsFlights127And128And131() {
    int peak = 0;
    List<String> atPeak = new java.util.ArrayList<>();
    List<StationState> states = Fold.states(HISTORY.events());
    for (int i = 0; i < states.size(); i++) {
      StationState s = states.get(i);
      StationEvent e = HISTORY.events().get(i);
      if (s.peopleAboard() > peak) {
        peak = s.peopleAboard();
        atPeak.clear();
      }
      if (s.peopleAboard() == peak) {
        atPeak.add(e.time().toString().substring(0, 7));
      }
    }
    assertThat(peak).isEqualTo(13);
    // STS-127 (July 2009), STS-128 (Aug-Sep 2009) and STS-131 (April 2010) each docked a crew of 7 to 6 aboard.
    assertThat(atPeak.stream().distinct()).containsExactly("2009-07", "2009-08", "2009-09", "2010-04");
  }

  @Test
  void shouldNeverBeUnoccupiedAfterExpedition1Arrived() {
    boolean arrived = false;
    List<StationState> states = Fold.states(HISTORY.events());
    for (int i = 0; i < states.size(); i++) {
      StationState s = states.get(i);
      StationEvent e = HISTORY.events().get(i);
      arrived |= e.id().equals("2000-11-02-soyuz-tm-31-crew-arrived");
      if (arrived) {
        assertThat(s.expeditionCrew()).as("expedition crew after %s", e.id()).isPositive();
        assertThat(s.occupiedSince()).isEqualTo(LocalDate.of(2000, 11, 2));
      }
    }
  }

  @Test
  void shouldCarryEveryDatedMomentOfTheSeedWithItsCaption() {
    Map<LocalDate, String> seed = Map.ofEntries(
        Map.entry(LocalDate.of(2000, 11, 2), "arrive at the International Space Station for the first time"),
        Map.entry(LocalDate.of(2001, 9, 11), "only American living off the planet"),
        Map.entry(LocalDate.of(2008, 6, 3), "Kibo, is installed at the space station"),
        Map.entry(LocalDate.of(2009, 5, 29), "first 6 person crew"),
        Map.entry(LocalDate.of(2012, 5, 25), "robotic arm captures the SpaceX Dragon"),
        Map.entry(LocalDate.of(2013, 11, 9), "bring the Olympic torch outside"),
        Map.entry(LocalDate.of(2014, 7, 18), "Flex-2 experiment"),
        Map.entry(LocalDate.of(2014, 8, 28), "timelapse of a flickering aurora"),
        Map.entry(LocalDate.of(2014, 9, 23), "what a sunrise looks like"),
        Map.entry(LocalDate.of(2014, 11, 8), "water bubbles"),
        Map.entry(LocalDate.of(2015, 2, 25), "first GoPro footage of a spacewalk"),
        Map.entry(LocalDate.of(2015, 5, 9), "lightning storm over India"),
        Map.entry(LocalDate.of(2015, 5, 15), "Milky Way"),
        Map.entry(LocalDate.of(2015, 8, 10), "taste lettuce"),
        Map.entry(LocalDate.of(2021, 11, 2), "21st anniversary of continuous human presence"));
    Map<LocalDate, String> milestones = HISTORY.events().stream()
        .filter(e -> e instanceof MilestoneReached)
        .map(e -> (MilestoneReached) e)
        .collect(Collectors.toMap(m -> LocalDate.ofInstant(m.time(), ZoneOffset.UTC), MilestoneReached::caption));
    assertThat(milestones.keySet()).containsExactlyInAnyOrderElementsOf(seed.keySet());
    seed.forEach((date, words) -> assertThat(milestones.get(date)).as(date.toString()).contains(words));
  }

  @Test
  void shouldCiteASourceForEveryEvent() {
    assertThat(HISTORY.events()).allSatisfy(e -> {
      assertThat(e.source().title()).isNotBlank();
      assertThat(e.source().url()).startsWith("http");
    });
  }
}
