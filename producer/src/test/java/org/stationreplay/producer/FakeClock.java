package org.stationreplay.producer;

import java.util.ArrayList;
import java.util.List;

/** A clock that jumps to each deadline instead of sleeping, and remembers the deadlines. */
final class FakeClock implements ReplayClock {
  long now = 1_000_000_000L;
  final List<Long> sleeps = new ArrayList<>();

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleepUntil(long deadlineNanos) {
    sleeps.add(deadlineNanos);
    now = Math.max(now, deadlineNanos);
  }
}
