package org.stationreplay.producer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.stationreplay.events.StationEvent;

/**
 * Which simulated midnights between events get a clock tick. A tick every simulated day, unless days pass faster
 * than one per {@link #MIN_TICK_GAP_SECONDS} of wall time: then every few days, so that a year per second writes
 * about 20 ticks a second, not 365 full states for every dashboard to draw.
 */
final class TickPlan {
  /** Ticks no closer together than this in wall time. */
  static final double MIN_TICK_GAP_SECONDS = 0.05;

  private final List<StationEvent> events;
  private Instant last;

  TickPlan(List<StationEvent> events) {
    this.events = events;
  }

  /** The clock was last shown at {@code time} (a tick, or where a run or seek put it). */
  void shown(Instant time) {
    last = time;
  }

  Instant last() {
    return last;
  }

  /** The next midnight to tick before event {@code index}, or null; {@code floor} is where the clock runs from. */
  Instant nextBefore(int index, Speed speed, Instant floor) {
    if (speed.isMax() || index >= events.size() || last == null) {
      return null;
    }
    long step = Math.max(1, (long) Math.ceil(speed.factor() * MIN_TICK_GAP_SECONDS / 86_400));
    Instant midnight = startOfDay(last, step);
    if (floor != null && midnight.isBefore(floor)) {
      midnight = startOfDay(floor, 1);
    }
    return midnight.isBefore(events.get(index).time()) ? midnight : null;
  }

  /**
   * The start of the day the clock is in at {@code simNow}, if no tick showed it yet and it lies strictly between the
   * last event sent and event {@code next}: the coarser ticks of high speeds may have skipped it, and a command
   * (pause, say) must leave the clock on the right day.
   */
  Instant today(Instant simNow, int next) {
    if (simNow == null || last == null || next >= events.size()) {
      return null;
    }
    Instant today = LocalDate.ofInstant(simNow, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
    boolean between = today.isBefore(events.get(next).time())
        && (next == 0 || today.isAfter(events.get(next - 1).time()));
    return today.isAfter(last) && between ? today : null;
  }

  private static Instant startOfDay(Instant t, long plusDays) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
