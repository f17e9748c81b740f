package org.stationreplay.producer;

import java.util.concurrent.locks.LockSupport;

/**
 * The wall clock of a replay, injected so that tests need not sleep. Monotonic nanoseconds, not dates: a replay
 * schedules against elapsed time, never against the time of day.
 */
public interface ReplayClock {
  long nanoTime();

  /** Returns at or just after {@code deadlineNanos}; returns at once if it has passed. */
  void sleepUntil(long deadlineNanos) throws InterruptedException;

  /** The real clock. Parks until shortly before the deadline, then spins, for sub-millisecond accuracy. */
  ReplayClock SYSTEM = new ReplayClock() {
    private static final long SPIN_NANOS = 200_000;

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleepUntil(long deadlineNanos) throws InterruptedException {
      long remaining;
      while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        if (remaining > SPIN_NANOS) {
          LockSupport.parkNanos(remaining - SPIN_NANOS);
        } else {
          Thread.onSpinWait();
        }
      }
    }
  };
}
