package org.stationreplay.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The build refuses a bundled history with any problem in it. */
class BundledHistoryTest {
  @Test
  void shouldBeValid() {
    HistoryReader.Report report = HistoryReader.check(HistoryReader.BUNDLED_RESOURCE,
        HistoryReader.class.getClassLoader().getResourceAsStream(HistoryReader.BUNDLED_RESOURCE));
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void shouldStartWithZaryaAndCoverExpeditionOne() {
    History history = HistoryReader.bundled();
    assertThat(history.firstTime()).isEqualTo(Instant.parse("1998-11-20T06:40:00Z"));
    assertThat(history.lastTime()).isAfter(Instant.parse("2000-11-02T00:00:00Z"));
    assertThat(history.lines().get(0).event().id()).contains("zarya");
  }
}
