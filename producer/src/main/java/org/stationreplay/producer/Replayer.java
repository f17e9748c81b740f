package org.stationreplay.producer;

import java.util.List;
import java.util.Objects;
import org.stationreplay.events.StationEvent;

/**
 * Replays events into a sink in accelerated time: event {@code i} is sent at {@code start + offset(i)} of its
 * {@link ReplaySchedule}. The clock is injected, so tests run a 23-year replay without sleeping.
 */
public final class Replayer {
  private final ReplayClock clock;
  private final EventSink sink;
  private final ReplayListener listener;

  public Replayer(ReplayClock clock, EventSink sink, ReplayListener listener) {
    this.clock = Objects.requireNonNull(clock);
    this.sink = Objects.requireNonNull(sink);
    this.listener = Objects.requireNonNull(listener);
  }

  /**
   * Sends every event on schedule, then flushes.
   *
   * @return the number of events sent
   * @throws InterruptedException if interrupted while waiting; events sent so far stay sent
   */
  public int replay(String key, List<StationEvent> events, ReplaySchedule schedule) throws InterruptedException {
    if (schedule.size() != events.size()) {
      throw new IllegalArgumentException("schedule has " + schedule.size() + " entries for " + events.size()
          + " events");
    }
    long start = clock.nanoTime();
    int total = events.size();
    for (int i = 0; i < total; i++) {
      long due = start + schedule.offsetNanos(i);
      clock.sleepUntil(due);
      long lateness = schedule.speed().isMax() ? 0 : Math.max(0, clock.nanoTime() - due);
      sink.send(key, events.get(i));
      listener.sent(i, total, events.get(i), lateness);
    }
    sink.flush();
    listener.finished(total, clock.nanoTime() - start);
    return total;
  }
}
