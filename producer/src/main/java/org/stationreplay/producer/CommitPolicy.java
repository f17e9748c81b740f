package org.stationreplay.producer;

import java.util.concurrent.TimeUnit;

/**
 * When the replay commits its transaction, so that what it sent becomes visible to read-committed readers: before
 * a wait longer than {@link #BEFORE_WAIT_NANOS}, and once a transaction has been open {@link #MAX_OPEN_NANOS}. At
 * max speed the sink commits by size and time itself.
 */
final class CommitPolicy {
  static final long BEFORE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  static final long MAX_OPEN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final EventSink sink;
  private long lastCommit;

  CommitPolicy(EventSink sink) {
    this.sink = sink;
  }

  /** About to wait until {@code wakeAt}: commit if the wait is long or the transaction old. */
  void beforeWait(long now, long wakeAt, Speed speed, ReplayClock clock) {
    if (!speed.isMax() && (wakeAt - now > BEFORE_WAIT_NANOS || now - lastCommit > MAX_OPEN_NANOS)) {
      commit(clock);
    }
  }

  /** Commits what is pending, now. */
  void commit(ReplayClock clock) {
    if (sink.hasPending()) {
      sink.flush();
    }
    lastCommit = clock.nanoTime();
  }
}
