package org.stationreplay.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.stationreplay.history.HistoryReader;

class ResumingReplayTest {
  private final AtomicLong now = new AtomicLong();
  private final List<Duration> slept = new ArrayList<>();
  private final ResumingReplay replay = new ResumingReplay(3, Duration.ofMinutes(1), Duration.ofSeconds(2),
      now::get, d -> {
        slept.add(d);
        now.addAndGet(d.toNanos());
      });
  private final ReplayRequest first = ReplayRequest.once(HistoryReader.bundled(), Speed.MAX, "ISS");

  @Test
  void shouldResumeAFailedReplayFromTheLogUntilItStops() throws Exception {
    List<ReplayRequest> runs = new ArrayList<>();
    ResumingReplay.Outcome outcome = replay.run(first, r -> {
      runs.add(r);
      if (runs.size() < 3) {
        throw new IllegalStateException("broker gone");
      }
    });
    assertThat(outcome).isEqualTo(ResumingReplay.Outcome.STOPPED);
    assertThat(runs).extracting(ReplayRequest::resume).containsExactly(false, true, true);
    assertThat(runs.get(2).history()).isSameAs(first.history());
    assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void shouldGiveUpAfterThreeFailuresInARow() throws Exception {
    int[] runs = {0};
    ResumingReplay.Outcome outcome = replay.run(first, r -> {
      runs[0]++;
      throw new IllegalStateException("always");
    });
    assertThat(outcome).isEqualTo(ResumingReplay.Outcome.GAVE_UP);
    assertThat(runs[0]).isEqualTo(3);
  }

  @Test
  void shouldForgiveFailuresSeparatedByAHealthyRun() throws Exception {
    int[] runs = {0};
    ResumingReplay.Outcome outcome = replay.run(first, r -> {
      runs[0]++;
      if (runs[0] % 2 == 0) {
        now.addAndGet(Duration.ofMinutes(5).toNanos()); // every other run lasts five minutes before failing
      }
      if (runs[0] < 8) {
        throw new IllegalStateException("now and then");
      }
    });
    assertThat(outcome).isEqualTo(ResumingReplay.Outcome.STOPPED);
    assertThat(runs[0]).isEqualTo(8);
  }
}
