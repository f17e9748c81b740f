package org.stationreplay.producer;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The wall clock of a replay, injected so that tests need not sleep. Scheduling uses monotonic nanoseconds, never
 * the time of day; {@link #wallTime()} only stamps status reports.
 */
public interface ReplayClock {
  long nanoTime();

  /** The time of day, for status reports only. */
  Instant wallTime();

  /**
   * Waits until {@code deadlineNanos} or until a command arrives, whichever is first.
   *
   * @return the command, or null when the deadline was reached first
   */
  <T> T awaitUntil(long deadlineNanos, BlockingQueue<T> commands) throws InterruptedException;

  /** The real clock: blocks on the queue until shortly before the deadline, then spins, for sub-ms accuracy. */
  ReplayClock SYSTEM = new ReplayClock() {
    private static final long SPIN_NANOS = 200_000;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Instant wallTime() {
      return Instant.now();
    }

    @Override
    public <T> T awaitUntil(long deadlineNanos, BlockingQueue<T> commands) throws InterruptedException {
      long remaining;
      while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
        T command = remaining > SPIN_NANOS
            ? commands.poll(remaining - SPIN_NANOS, TimeUnit.NANOSECONDS)
            : commands.poll();
        if (command != null) {
          return command;
        }
        if (remaining <= SPIN_NANOS) {
          Thread.onSpinWait();
        }
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
      return commands.poll();
    }
  };
}
