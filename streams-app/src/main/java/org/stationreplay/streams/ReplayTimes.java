package org.stationreplay.streams;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one replay's clock and its folded state stand, as the feed last read them: what {@code /metrics} derives a
 * replay's gauges from, without reading Kafka per scrape.
 *
 * @param simulatedTime the replay's simulated clock from its last status on {@code station.replay-status}, or null
 * @param asOf the simulated time of the latest state on the projection topics, or null before the first one
 * @param lagMillis the producer's own lateness against its schedule for the last event sent (status), or NaN
 */
public record ReplayTimes(Instant simulatedTime, Instant asOf, double lagMillis) {
  public static final ReplayTimes NONE = new ReplayTimes(null, null, Double.NaN);

  /**
   * How far the state is behind the replay's clock, in simulated seconds: {@code simulatedTime - asOf}, NaN until
   * both are known. Never negative: the status is written every 250 ms while playing, so the state may be newer
   * than the last status, and a restart moves the clock back before the fold has seen the new run.
   */
  public double foldLagSeconds() {
    if (simulatedTime == null || asOf == null) {
      return Double.NaN;
    }
    Duration lag = Duration.between(asOf, simulatedTime);
    return lag.isNegative() ? 0 : lag.toMillis() / 1000.0;
  }

  /** The producer's lateness for the last event it sent, in seconds (NaN before its first status). */
  public double latenessSeconds() {
    return lagMillis / 1000.0;
  }

  ReplayTimes withStatus(Instant simulated, double lateMillis) {
    return new ReplayTimes(simulated, asOf, lateMillis);
  }

  ReplayTimes withAsOf(Instant stateAsOf) {
    return new ReplayTimes(simulatedTime, stateAsOf, lagMillis);
  }
}
