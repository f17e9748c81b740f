package org.stationreplay.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projections.Fold;
import org.stationreplay.state.StationState;

/**
 * Dated facts about the station, each researched and cited in {@code facts.csv} (source title, address and the
 * supporting quote), asserted against the offline fold of the bundled history at the end of that UTC day.
 */
class HistoricalFactsTest {
  private static List<StationEvent> events;

  @BeforeAll
  static void load() {
    events = HistoryReader.bundled().events();
  }

  @ParameterizedTest(name = "{0} {1} = {2}  ({3})")
  @CsvFileSource(resources = "/facts.csv", numLinesToSkip = 1, maxCharsPerColumn = 8192)
  void shouldMatchTheRecord(LocalDate date, String quantity, int value, String sourceTitle, String sourceUrl,
      String evidence) {
    Instant endOfDay = date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
    StationState s = Fold.stateAt(events, endOfDay);
    Integer actual = switch (quantity) {
      case "peopleAboard" -> s.peopleAboard();
      case "expeditionCrew" -> s.expeditionCrew();
      case "expedition" -> s.expedition();
      case "moduleCount" -> s.moduleCount();
      case "continuousOccupancyDays" -> s.continuousOccupancyDays();
      default -> throw new IllegalArgumentException("unknown quantity " + quantity);
    };
    assertThat(actual).as("%s on %s per %s <%s>: %s; aboard %s", quantity, date, sourceTitle, sourceUrl, evidence,
        s.crew().stream().map(p -> p.name() + "/" + p.role()).toList()).isEqualTo(value);
  }
}
