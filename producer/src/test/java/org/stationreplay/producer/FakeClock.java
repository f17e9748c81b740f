package org.stationreplay.producer;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import org.stationreplay.control.ControlCommand;

/**
 * A clock that jumps to each deadline instead of sleeping. Commands can be scheduled at wall-clock offsets: the
 * clock stops there and hands the command over, as if an operator had clicked at that moment.
 */
final class FakeClock implements ReplayClock {
  static final long START = 1_000_000_000L;
  long now = START;
  final TreeMap<Long, ControlCommand> scheduled = new TreeMap<>();
  long stopAt = Long.MAX_VALUE;

  /** Interrupts the replay when the clock would pass this second (to end a replay that stays for commands). */
  FakeClock stopAt(double seconds) {
    stopAt = START + Math.round(seconds * 1e9);
    return this;
  }

  FakeClock at(double seconds, ControlCommand command) {
    scheduled.put(START + Math.round(seconds * 1e9), command);
    return this;
  }

  double seconds() {
    return (now - START) / 1e9;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Instant wallTime() {
    return Instant.parse("2026-01-01T00:00:00Z").plusNanos(now - START);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T awaitUntil(long deadline, BlockingQueue<T> commands) throws InterruptedException {
    T queued = commands.poll();
    if (queued != null) {
      return queued;
    }
    Map.Entry<Long, ControlCommand> first = scheduled.firstEntry();
    if (first != null && first.getKey() <= deadline) {
      scheduled.pollFirstEntry();
      now = Math.max(now, first.getKey());
      return (T) first.getValue();
    }
    if (deadline > stopAt) {
      now = stopAt;
      throw new InterruptedException("stopped by the test at " + seconds() + " s");
    }
    if (scheduled.isEmpty() && deadline - now > 3_600_000_000_000L) {
      throw new IllegalStateException("the replay waits for a command that will never come");
    }
    now = Math.max(now, deadline);
    return null;
  }
}
