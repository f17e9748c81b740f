package org.stationreplay.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayTimesTest {
  private static final Instant CLOCK = Instant.parse("2009-07-17T12:00:00Z");

  @Test
  void shouldMeasureHowFarTheStateIsBehindTheReplayClockInSimulatedSeconds() {
    ReplayTimes times = ReplayTimes.NONE.withStatus(CLOCK, 1.5).withAsOf(Instant.parse("2009-07-16T09:00:00Z"));
    assertThat(times.foldLagSeconds()).isEqualTo(27 * 3600.0);
  }

  @Test
  void shouldBeZeroWhenTheStateHasCaughtUpWithTheClock() {
    assertThat(ReplayTimes.NONE.withAsOf(CLOCK).withStatus(CLOCK, 0).foldLagSeconds()).isZero();
  }

  @Test
  void shouldNeverBeNegativeWhenTheStateIsNewerThanTheLastStatus() {
    // The status comes every 250 ms; a restart moves the clock back before the fold sees the new run.
    assertThat(ReplayTimes.NONE.withStatus(CLOCK, 0).withAsOf(CLOCK.plusSeconds(86_400)).foldLagSeconds()).isZero();
  }

  @Test
  void shouldBeUnknownUntilBothTheClockAndTheStateAreKnown() {
    assertThat(ReplayTimes.NONE.foldLagSeconds()).isNaN();
    assertThat(ReplayTimes.NONE.withAsOf(CLOCK).foldLagSeconds()).isNaN();
    assertThat(ReplayTimes.NONE.withStatus(CLOCK, 0).foldLagSeconds()).isNaN();
    assertThat(ReplayTimes.NONE.latenessSeconds()).isNaN();
  }

  @Test
  void shouldGiveTheProducersLatenessInSeconds() {
    ReplayTimes times = ReplayTimes.NONE.withStatus(CLOCK, 250);
    assertThat(times.latenessSeconds()).isEqualTo(0.25);
    assertThat(times.withAsOf(CLOCK).latenessSeconds()).as("kept when a state comes").isEqualTo(0.25);
  }
}
