package org.stationreplay.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.Source;
import org.stationreplay.events.SpacewalkPerformed;

class SummariesTest {
  private static SpacewalkPerformed spacewalk(Duration duration, String... crew) {
    return new SpacewalkPerformed("2013-11-09-spacewalk", Instant.parse("2013-11-09T14:34:00Z"),
        SpacewalkPerformed.SCHEMA_VERSION, new Source("t", "https://example.org"), null, null, List.of(crew),
        duration, null, null, null);
  }

  @Test
  void shouldGiveASpacewalksDurationInHoursAndMinutesAsTheMinutesOfVersion1Did() {
    assertThat(Summaries.of(spacewalk(Duration.ofMinutes(413), "Jerry L. Ross", "James H. Newman")))
        .isEqualTo("Spacewalk: Jerry L. Ross and James H. Newman (6 h 53 min)");
    assertThat(Summaries.of(spacewalk(Duration.parse("PT6H53M40S"), "A", "B", "C")))
        .isEqualTo("Spacewalk: A, B and C (6 h 53 min)");
    assertThat(Summaries.of(spacewalk(Duration.ofMinutes(25 * 60 + 5), "A")))
        .isEqualTo("Spacewalk: A (25 h 05 min)");
  }

  @Test
  void shouldLeaveOutAnUnknownDuration() {
    assertThat(Summaries.of(spacewalk(null, "Oleg Kotov"))).isEqualTo("Spacewalk: Oleg Kotov");
  }
}
