package org.stationreplay.projections;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.Unchanged;

/**
 * Time spent outside: the total duration of the spacewalks so far and the longest one. A spacewalk whose duration
 * the sources do not give counts in {@code spacewalks} but adds no time.
 */
public final class SpacewalkTimeProjection implements Projection<SpacewalkTimeProjection.SpacewalkTime> {
  public static final String NAME = "spacewalk-time";

  /**
   * @param spacewalks every spacewalk; @param timed those with a known duration, summed in {@code total}
   * @param longest the longest so far (the first of equals), or null before the first timed one
   */
  public record SpacewalkTime(int spacewalks, int timed, Duration total, Longest longest) {
    public static final SpacewalkTime NONE = new SpacewalkTime(0, 0, Duration.ZERO, null);
  }

  /** One spacewalk: which event, when, who and how long. */
  public record Longest(String eventId, Instant time, List<String> crew, Duration duration) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Total time of the spacewalks so far, and the longest";
  }

  @Override
  public Class<SpacewalkTime> valueType() {
    return SpacewalkTime.class;
  }

  @Override
  public SpacewalkTime initial() {
    return SpacewalkTime.NONE;
  }

  @Override
  public SpacewalkTime apply(SpacewalkTime value, HistoryEvent event) {
    return event.accept(new Unchanged<>(value) {
      @Override
      public SpacewalkTime spacewalkPerformed(SpacewalkPerformed e) {
        Duration d = e.duration();
        if (d == null) {
          return new SpacewalkTime(value.spacewalks() + 1, value.timed(), value.total(), value.longest());
        }
        Longest longest = value.longest() == null || d.compareTo(value.longest().duration()) > 0
            ? new Longest(e.id(), e.time(), e.crew(), d) : value.longest();
        return new SpacewalkTime(value.spacewalks() + 1, value.timed() + 1, value.total().plus(d), longest);
      }
    });
  }
}
