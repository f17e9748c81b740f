package org.stationreplay.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.stationreplay.events.StationEvent;

/**
 * When each event is due, in the wall-clock nanoseconds of {@link ReplayClock#nanoTime()}. After every change of
 * pace (start, resume, speed, seek) the engine takes an anchor: the wall time {@code w0}, the simulated time
 * {@code s0} and the next event {@code k}. Event {@code i >= k} is then due at {@code w0 + lead + offset(i)}, where
 * {@code lead = min((t_k - s0) / speed, maxGap)} and {@code offset} is the {@link ReplaySchedule} of the events from
 * {@code k}: every due time is computed from the anchor, never by adding up sleeps, so errors do not accumulate.
 * Between two events the simulated clock runs linearly. Pure arithmetic on the clock readings it is given.
 */
final class Pacer {
  private final List<StationEvent> events;
  private final Duration maxGap;
  private Speed speed;
  private long anchorWall;
  private Instant anchorSim;
  private int anchorIndex;
  private long leadNanos;
  private ReplaySchedule schedule;

  Pacer(List<StationEvent> events, Speed speed, Duration maxGap) {
    this.events = events;
    this.speed = speed;
    this.maxGap = maxGap;
  }

  Speed speed() {
    return speed;
  }

  void speed(Speed newSpeed) {
    speed = newSpeed;
  }

  long anchorWall() {
    return anchorWall;
  }

  int anchorIndex() {
    return anchorIndex;
  }

  Instant anchorSim() {
    return anchorSim;
  }

  /** Paces from now on: event {@code index} is next, the simulated clock shows {@code sim} at wall time {@code now}. */
  void anchor(long now, Instant sim, int index) {
    anchorWall = now;
    anchorSim = sim;
    anchorIndex = index;
    if (speed.isMax() || index >= events.size()) {
      leadNanos = 0;
      schedule = ReplaySchedule.of(List.of(), speed, maxGap);
      return;
    }
    schedule = ReplaySchedule.of(events.subList(index, events.size()).stream().map(StationEvent::time).toList(),
        speed, maxGap);
    long gap = sim == null ? 0 : Math.max(0, Duration.between(sim, events.get(index).time()).toNanos());
    long lead = Math.round(gap / speed.factor());
    leadNanos = maxGap == null ? lead : Math.min(lead, maxGap.toNanos());
  }

  /** The wall time at which event {@code index} is due. */
  long dueOf(int index) {
    if (speed.isMax()) {
      return anchorWall;
    }
    return anchorWall + leadNanos + schedule.offsetNanos(index - anchorIndex);
  }

  /** The wall time at which the simulated clock, before event {@code next}, shows {@code t}. */
  long dueOfSimulated(Instant t, int next) {
    Instant prevTime = previousTime(next);
    long prevDue = previousDue(next);
    long nextDue = dueOf(next);
    long span = Duration.between(prevTime, events.get(next).time()).toNanos();
    if (span <= 0) {
      return nextDue;
    }
    double fraction = Duration.between(prevTime, t).toNanos() / (double) span;
    return prevDue + Math.round(fraction * (nextDue - prevDue));
  }

  /** The simulated time at wall time {@code now}, event {@code next} being the next to send. */
  Instant simulatedAt(long now, int next) {
    if (next >= events.size()) {
      return events.isEmpty() ? null : events.get(events.size() - 1).time();
    }
    Instant prevTime = previousTime(next);
    if (speed.isMax() || prevTime == null) {
      return prevTime;
    }
    long prevDue = previousDue(next);
    long nextDue = dueOf(next);
    if (nextDue <= prevDue || now <= prevDue) {
      return prevTime;
    }
    double fraction = Math.min(1.0, (now - prevDue) / (double) (nextDue - prevDue));
    long span = Duration.between(prevTime, events.get(next).time()).toNanos();
    return prevTime.plusNanos(Math.round(fraction * span));
  }

  /** The simulated time the clock runs from before event {@code next}: the anchor's, or the last event's. */
  Instant previousTime(int next) {
    return next == anchorIndex ? anchorSim : events.get(next - 1).time();
  }

  private long previousDue(int next) {
    return next == anchorIndex ? anchorWall : dueOf(next - 1);
  }
}
