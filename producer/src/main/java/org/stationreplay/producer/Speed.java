package org.stationreplay.producer;

import org.stationreplay.control.ControlCommands;

/**
 * How fast history replays: a factor of historical time per wall-clock time (86400 = one historical day per
 * second), or as fast as possible.
 */
public record Speed(double factor) {
  public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);
  public static final Speed DAY_PER_SECOND = new Speed(86_400);
  public static final Speed WEEK_PER_SECOND = new Speed(7 * 86_400);

  public Speed {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("speed must be a positive number or 'max', was " + factor);
    }
  }

  public boolean isMax() {
    return Double.isInfinite(factor);
  }

  /**
   * Parses {@code 86400}, {@code 1e5}, {@code 2.5} or {@code max}, by the rule every command follows
   * ({@link ControlCommands#speedFactor}: finite, from real time to 1e9).
   */
  public static Speed parse(String text) {
    double f = ControlCommands.speedFactor(text);
    return Double.isInfinite(f) ? MAX : new Speed(f);
  }

  @Override
  public String toString() {
    return isMax() ? "max" : (factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor));
  }
}
