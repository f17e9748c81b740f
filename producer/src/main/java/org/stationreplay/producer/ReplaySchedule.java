package org.stationreplay.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When each event of a replay is due, in wall-clock nanoseconds after the start. Each due time is computed from
 * the first event, {@code (eventTime - firstEventTime) / speed}, never by adding up sleeps, so timing errors do
 * not accumulate. With a gap cap, every gap between consecutive events is capped in wall-clock time first:
 * {@code offset(i) = (sum of min(gap, maxGap * speed) over the gaps before i) / speed}, still exact.
 */
public final class ReplaySchedule {
  private final long[] offsetsNanos;
  private final Speed speed;

  private ReplaySchedule(long[] offsetsNanos, Speed speed) {
    this.offsetsNanos = offsetsNanos;
    this.speed = speed;
  }

  /**
   * @param times event times in order
   * @param maxGap the longest wall-clock wait between two events, or null for none
   */
  public static ReplaySchedule of(List<Instant> times, Speed speed, Duration maxGap) {
    long[] offsets = new long[times.size()];
    if (speed.isMax() || times.isEmpty()) {
      return new ReplaySchedule(offsets, speed);
    }
    // Sums in historical nanoseconds fit a long: 23 years is about 7e17 of 9.2e18.
    double capHistorical = maxGap == null ? Double.POSITIVE_INFINITY : maxGap.toNanos() * speed.factor();
    long historicalSum = 0;
    for (int i = 1; i < times.size(); i++) {
      long gap = Duration.between(times.get(i - 1), times.get(i)).toNanos();
      if (gap < 0) {
        throw new IllegalArgumentException("event times must not go backwards at index " + i);
      }
      historicalSum += (long) Math.min(gap, capHistorical);
      offsets[i] = Math.round(historicalSum / speed.factor());
    }
    return new ReplaySchedule(offsets, speed);
  }

  /** Wall-clock nanoseconds after the start at which event {@code index} is due; 0 for every event at max. */
  public long offsetNanos(int index) {
    return offsetsNanos[index];
  }

  public int size() {
    return offsetsNanos.length;
  }

  public Speed speed() {
    return speed;
  }

  /** How long the whole replay takes in wall-clock time. */
  public Duration duration() {
    return Duration.ofNanos(offsetsNanos.length == 0 ? 0 : offsetsNanos[offsetsNanos.length - 1]);
  }
}
