package org.stationreplay.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stationreplay.events.ClockTicked;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.ReplayStarted;
import org.stationreplay.events.StationEvent;
import org.stationreplay.state.LastEvent;

/**
 * Runs a set of projections over an event log. For every record it first handles the envelope itself, so that no
 * projection ever special-cases it: a {@link ReplayStarted} marker starts every projection again from its initial
 * value, a {@link ClockTicked} of the current run moves the {@link Clock} and nothing else, and a history event must
 * pass the station's rules ({@link Admission}) before every projection folds it. Pure: the same log gives the same
 * snapshots, in the Streams app, the offline {@code state} command and the history validator alike.
 */
public final class ProjectionEngine {
  /** The engine's own read model, written beside the projections: not a name a projection may take. */
  public static final String CLOCK = "clock";
  /** Projections are told apart by one bit each in {@link Outcome#changed()}. */
  public static final int MAX_PROJECTIONS = 63;
  public static final long ALL = -1L;

  private final List<Projection<?>> projections;
  private final Map<String, Integer> index = new HashMap<>();

  public ProjectionEngine(List<? extends Projection<?>> projections) {
    this.projections = List.copyOf(projections);
    if (this.projections.size() > MAX_PROJECTIONS) {
      throw new IllegalArgumentException("at most " + MAX_PROJECTIONS + " projections, got " + projections.size());
    }
    for (int i = 0; i < this.projections.size(); i++) {
      Projection<?> p = this.projections.get(i);
      String name = p.name();
      if (name == null || !Projection.NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("projection " + p.getClass().getName() + ": name '" + name
            + "' must match " + Projection.NAME.pattern());
      }
      if (name.equals(CLOCK) || index.putIfAbsent(name, i) != null) {
        throw new IllegalArgumentException("projection name '" + name + "' is taken ("
            + (name.equals(CLOCK) ? "by the engine's clock" : "twice in the list") + ")");
      }
      Objects.requireNonNull(p.initial(), () -> "projection '" + name + "' has a null initial value");
      if (!p.valueType().isInstance(p.initial())) {
        throw new IllegalArgumentException("projection '" + name + "': initial value is not a " + p.valueType());
      }
    }
  }

  public List<Projection<?>> projections() {
    return projections;
  }

  public int size() {
    return projections.size();
  }

  /** The index of the projection called {@code name}, or -1. */
  public int indexOf(String name) {
    return index.getOrDefault(name, -1);
  }

  public Projection<?> projection(int i) {
    return projections.get(i);
  }

  /** The value of projection {@code name} in {@code snapshot}, as its type. */
  public <S> S value(Snapshot snapshot, String name, Class<S> type) {
    int i = indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no projection '" + name + "'");
    }
    return type.cast(snapshot.value(i));
  }

  /** Before the first record: no run, no rules broken, every projection at its initial value. */
  public Snapshot empty() {
    Object[] values = new Object[projections.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = projections.get(i).initial();
    }
    return new Snapshot(Clock.EMPTY, Admission.EMPTY, values);
  }

  /** A snapshot from parts kept apart (the Streams app keeps each in its own store). */
  public Snapshot snapshot(Clock clock, Admission admission, List<?> values) {
    if (values.size() != projections.size()) {
      throw new IllegalArgumentException("expected " + projections.size() + " values, got " + values.size());
    }
    return new Snapshot(clock, admission, values.toArray());
  }

  /** {@link #apply(Snapshot, StationEvent, long)} for every projection. */
  public Outcome apply(Snapshot snapshot, StationEvent event) {
    return apply(snapshot, event, ALL);
  }

  /**
   * What {@code event} does to {@code snapshot}. Projections whose bit is clear in {@code active} are left as they
   * are (one that failed, or one that is being rebuilt from the log); the rules and the clock always move.
   */
  public Outcome apply(Snapshot snapshot, StationEvent event, long active) {
    return event.kind(new StationEvent.Kinds<>() {
      @Override
      public Outcome history(HistoryEvent e) {
        Admission admitted;
        try {
          admitted = snapshot.admission().admit(e);
        } catch (EventRejectedException rejected) {
          return new Outcome(Outcome.Kind.REJECTED, snapshot, 0, rejected.reason(), List.of());
        }
        Object[] values = snapshot.valuesCopy();
        List<Outcome.Failure> failures = List.of();
        long changed = 0;
        for (int i = 0; i < values.length; i++) {
          if ((active & (1L << i)) == 0) {
            continue;
          }
          Object before = values[i];
          Object after;
          try {
            after = applyOne(projections.get(i), before, e);
          } catch (RuntimeException error) {
            failures = failures.isEmpty() ? new ArrayList<>() : failures;
            failures.add(new Outcome.Failure(i, projections.get(i).name(), error));
            continue;
          }
          if (after != before && !after.equals(before)) {
            values[i] = after;
            changed |= 1L << i;
          }
        }
        Clock c = snapshot.clock();
        Instant asOf = c.asOf() == null || e.time().isAfter(c.asOf()) ? e.time() : c.asOf();
        Clock clock = new Clock(asOf, c.run(), lastEvent(e), c.eventsApplied() + 1);
        return new Outcome(Outcome.Kind.APPLIED, snapshot.with(clock, admitted, values), changed, null, failures);
      }

      @Override
      public Outcome replayStarted(ReplayStarted e) {
        Object[] values = snapshot.valuesCopy();
        long changed = 0;
        for (int i = 0; i < projections.size(); i++) {
          Object initial = projections.get(i).initial();
          if ((active & (1L << i)) != 0 && !Objects.equals(values[i], initial)) {
            values[i] = initial;
            changed |= 1L << i;
          }
        }
        Clock clock = new Clock(e.time(), e.id(), lastEvent(e), 0);
        return new Outcome(Outcome.Kind.STARTED, snapshot.with(clock, Admission.EMPTY, values), changed, null,
            List.of());
      }

      @Override
      public Outcome clockTicked(ClockTicked e) {
        Clock c = snapshot.clock();
        Clock later = Objects.equals(c.run(), e.run()) && c.asOf() != null ? c.advancedTo(e.time()) : c;
        return later == c
            ? new Outcome(Outcome.Kind.IGNORED, snapshot, 0, null, List.of())
            : new Outcome(Outcome.Kind.TICKED, snapshot.with(later, snapshot.admission(), snapshot.valuesCopy()), 0,
                null, List.of());
      }
    });
  }

  /** Every event applied, offline: stops at the first one the rules refuse, or a projection's failure. */
  public Snapshot fold(Iterable<? extends StationEvent> events) {
    Snapshot s = empty();
    for (StationEvent e : events) {
      s = step(s, e);
    }
    return s;
  }

  /** The snapshot at {@code instant}: every event at or before it applied, and the clock moved on to it. */
  public Snapshot foldUntil(Iterable<? extends StationEvent> events, Instant instant) {
    Snapshot s = empty();
    for (StationEvent e : events) {
      if (e.time().isAfter(instant)) {
        break;
      }
      s = step(s, e);
    }
    return s.advancedTo(instant);
  }

  /**
   * One event, as an offline fold treats it.
   *
   * @throws EventRejectedException if the rules refuse it
   * @throws IllegalStateException if a projection fails on it
   */
  public Snapshot step(Snapshot s, StationEvent e) {
    Outcome o = apply(s, e);
    if (o.kind() == Outcome.Kind.REJECTED) {
      throw new EventRejectedException(e, o.reason());
    }
    if (!o.failures().isEmpty()) {
      Outcome.Failure f = o.failures().get(0);
      throw new IllegalStateException("projection '" + f.projection() + "' failed on " + e.id() + ": "
          + f.error().getMessage(), f.error());
    }
    return o.snapshot();
  }

  /**
   * The snapshot of a run at {@code until}: its admitted history events (as the engine kept them) folded from the
   * run's start, and the clock moved on to {@code until}. Time travel: no rule is checked again, they all passed.
   */
  public Snapshot refold(Clock runStart, Iterable<? extends HistoryEvent> admitted, Instant until) {
    Object[] values = empty().valuesCopy();
    Clock clock = runStart;
    for (HistoryEvent e : admitted) {
      if (e.time().isAfter(until)) {
        break;
      }
      for (int i = 0; i < values.length; i++) {
        values[i] = applyOne(projections.get(i), values[i], e);
      }
      Instant asOf = clock.asOf() == null || e.time().isAfter(clock.asOf()) ? e.time() : clock.asOf();
      clock = new Clock(asOf, clock.run(), lastEvent(e), clock.eventsApplied() + 1);
    }
    return new Snapshot(clock, Admission.EMPTY, values).advancedTo(until);
  }

  /** One projection alone over a run's admitted events: how a projection is rebuilt without touching the others. */
  public Object foldOne(int index, Iterable<? extends HistoryEvent> admitted) {
    Projection<?> p = projections.get(index);
    Object value = p.initial();
    for (HistoryEvent e : admitted) {
      value = applyOne(p, value, e);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static <S> Object applyOne(Projection<S> projection, Object value, HistoryEvent event) {
    S next = projection.apply((S) value, event);
    if (next == null) {
      throw new IllegalStateException("projection '" + projection.name() + "' returned null for " + event.id());
    }
    return next;
  }

  private static LastEvent lastEvent(StationEvent e) {
    return new LastEvent(e.id(), e.type(), e.time(), Summaries.of(e));
  }
}
