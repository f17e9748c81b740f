package org.stationreplay.projection;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine holds for one replay at one point of its log: the clock, the rules' state and the value of
 * every projection, in the engine's order. Immutable: {@link ProjectionEngine#apply} returns a new one.
 */
public final class Snapshot {
  private final Clock clock;
  private final Admission admission;
  private final Object[] values;

  Snapshot(Clock clock, Admission admission, Object[] values) {
    this.clock = Objects.requireNonNull(clock);
    this.admission = Objects.requireNonNull(admission);
    this.values = values;
  }

  public Clock clock() {
    return clock;
  }

  public Admission admission() {
    return admission;
  }

  /** The value of the engine's projection number {@code index}. */
  public Object value(int index) {
    return values[index];
  }

  public List<Object> values() {
    return List.of(values);
  }

  /** The same snapshot with the clock moved on to {@code instant} (if later): time passing, no event. */
  public Snapshot advancedTo(Instant instant) {
    Clock later = clock.advancedTo(instant);
    return later == clock ? this : new Snapshot(later, admission, values);
  }

  Snapshot with(Clock clock, Admission admission, Object[] values) {
    return new Snapshot(clock, admission, values);
  }

  Object[] valuesCopy() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Snapshot s && clock.equals(s.clock) && admission.equals(s.admission)
        && Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clock, admission, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "Snapshot[clock=" + clock + ", values=" + Arrays.toString(values) + "]";
  }
}
