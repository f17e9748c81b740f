package org.stationreplay.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayScheduleTest {
  private static final Instant T0 = Instant.parse("1998-11-20T06:40:00Z");

  @Test
  void shouldScheduleEachEventFromTheFirstDividedBySpeed() {
    ReplaySchedule s = ReplaySchedule.of(List.of(T0, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(10))),
        Speed.DAY_PER_SECOND, null);
    assertThat(s.offsetNanos(0)).isZero();
    assertThat(s.offsetNanos(1)).isEqualTo(1_000_000_000L);
    assertThat(s.offsetNanos(2)).isEqualTo(10_000_000_000L);
    assertThat(s.duration()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void shouldNotAccumulateRoundingErrorsOverManyEvents() {
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i <= 100_000; i++) {
      times.add(T0.plusSeconds(i));
    }
    ReplaySchedule s = ReplaySchedule.of(times, new Speed(3), null);
    for (int i = 0; i <= 100_000; i += 9_973) {
      assertThat(s.offsetNanos(i)).isEqualTo(Math.round(i * 1e9 / 3));
    }
    assertThat(s.offsetNanos(100_000)).isEqualTo(Math.round(100_000 * 1e9 / 3));
  }

  @Test
  void shouldCapLongIdleGapsInWallClockTime() {
    // Zvezda came 20 months after Unity: at one day per second that is a 600 s wait, capped to 2 s.
    List<Instant> times = List.of(T0, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(600)),
        T0.plus(Duration.ofDays(601)));
    ReplaySchedule s = ReplaySchedule.of(times, Speed.DAY_PER_SECOND, Duration.ofSeconds(2));
    assertThat(s.offsetNanos(1)).isEqualTo(1_000_000_000L);
    assertThat(s.offsetNanos(2)).isEqualTo(3_000_000_000L);
    assertThat(s.offsetNanos(3)).isEqualTo(4_000_000_000L);
  }

  @Test
  void shouldSendEverythingAtOnceAtMaxSpeed() {
    ReplaySchedule s = ReplaySchedule.of(List.of(T0, T0.plus(Duration.ofDays(9000))), Speed.MAX, null);
    assertThat(s.offsetNanos(1)).isZero();
  }

  @Test
  void shouldRefuseTimeGoingBackwards() {
    assertThatThrownBy(() -> ReplaySchedule.of(List.of(T0, T0.minusSeconds(1)), Speed.DAY_PER_SECOND, null))
        .hasMessageContaining("backwards");
  }
}
