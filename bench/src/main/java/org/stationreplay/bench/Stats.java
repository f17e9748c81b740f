package org.stationreplay.bench;

import java.util.Arrays;

/** Percentiles of a sample of nanosecond values, reported in milliseconds. */
record Stats(int count, double p50, double p99, double max) {
  static Stats ofNanos(long[] values, int n) {
    if (n == 0) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return new Stats(n, ms(sorted[(int) Math.floor(0.50 * (n - 1))]), ms(sorted[(int) Math.floor(0.99 * (n - 1))]),
        ms(sorted[n - 1]));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
