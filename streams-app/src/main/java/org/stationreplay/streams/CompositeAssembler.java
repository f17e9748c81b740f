package org.stationreplay.streams;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.stationreplay.events.EventType;
import org.stationreplay.json.Json;
import org.stationreplay.projection.Clock;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projections.Composite;
import org.stationreplay.state.StationState;

/**
 * Puts the dashboard's one document back together from the topics the fold writes: the clock's record of an event
 * says which projections changed with it ({@code station.changed}) and every record of that event carries the same
 * {@code station.change} token, so a document is composed only once every record it names has arrived, whichever
 * topic a consumer happens to read first. The result is one state per clock record, in the clock's order, each equal
 * to the offline fold at that point of the log. Pure and single-threaded: the feed's consumer thread drives it.
 */
public final class CompositeAssembler {
  /** Records that arrived before their clock's record, per replay and projection: at most this many are kept. */
  static final int MAX_EARLY = 4096;

  /** One composed state: where its clock record is, and the document. */
  public record Composed(String replay, FeedPosition position, Clock clock, StationState state, String json, boolean reset) {}

  private record Waiting(FeedPosition position, Clock clock, String change, int[] changed, long since) {}

  private final class Replay {
    final Object[] values = new Object[engine.size()];
    /**
     * Per projection, the records that came before their clock's, by token; a queue per token, because a log folded
     * again from the start (a full rebuild) writes the same tokens a second time, in the same order.
     */
    final List<Map<String, Deque<Object>>> early = new ArrayList<>();
    final Deque<Waiting> waiting = new ArrayDeque<>();
    Clock clock;

    Replay() {
      for (int i = 0; i < engine.size(); i++) {
        early.add(new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Deque<Object>> eldest) {
            return size() > MAX_EARLY;
          }
        });
      }
    }
  }

  private final ProjectionEngine engine;
  private final Map<String, Replay> replays = new HashMap<>();

  public CompositeAssembler(ProjectionEngine engine) {
    this.engine = engine;
  }

  ProjectionEngine engine() {
    return engine;
  }

  /** A record of the clock topic; {@code changed} as its header lists them (names this engine lacks are skipped). */
  public List<Composed> onClock(String replay, FeedPosition position, Clock clock, String change, String changed,
      long nowNanos) {
    int[] indices = changed == null || changed.isEmpty() ? new int[0]
        : Arrays.stream(changed.split(",")).mapToInt(engine::indexOf).filter(i -> i >= 0).toArray();
    Replay r = replays.computeIfAbsent(replay, k -> new Replay());
    r.waiting.addLast(new Waiting(position, clock, change, indices, nowNanos));
    return drain(replay, r, i -> false, Long.MAX_VALUE);
  }

  /** A record of projection {@code index}'s topic. */
  public List<Composed> onProjection(String replay, int index, Object value, String change) {
    Replay r = replays.computeIfAbsent(replay, k -> new Replay());
    r.early.get(index).computeIfAbsent(change, k -> new ArrayDeque<>(1)).addLast(value);
    return drain(replay, r, i -> false, Long.MAX_VALUE);
  }

  /**
   * Clock records that have waited since before {@code olderThanNanos} for a projection's record that will not come
   * ({@code caughtUp} says the consumer has read all there is of that projection's topic: compaction kept only a
   * later record of it) are composed with the latest values known.
   */
  public List<Composed> release(IntPredicate caughtUp, long olderThanNanos) {
    List<Composed> out = new ArrayList<>();
    replays.forEach((k, r) -> out.addAll(drain(k, r, caughtUp, olderThanNanos)));
    return out;
  }

  /** Whether any clock record is still waiting for its projections' records. */
  public boolean waiting() {
    return replays.values().stream().anyMatch(r -> !r.waiting.isEmpty());
  }

  private List<Composed> drain(String replay, Replay r, IntPredicate caughtUp, long olderThanNanos) {
    List<Composed> out = List.of();
    while (!r.waiting.isEmpty()) {
      Waiting w = r.waiting.peekFirst();
      boolean complete = true;
      for (int i : w.changed) {
        if (!r.early.get(i).containsKey(w.change)) {
          complete = false;
          if (w.since > olderThanNanos || !caughtUp.test(i)) {
            return out;
          }
        }
      }
      r.waiting.removeFirst();
      if (startsAgain(r.clock, w.clock)) {
        // The fold went back to the start (a new replay run, or the whole log refolded): every projection is at
        // its initial value again, and this record names only those that are not.
        java.util.Arrays.fill(r.values, null);
      }
      r.clock = w.clock;
      for (int i : w.changed) {
        Deque<Object> queue = r.early.get(i).get(w.change);
        if (queue != null) {
          r.values[i] = queue.removeFirst();
          if (queue.isEmpty()) {
            r.early.get(i).remove(w.change);
          }
        }
      }
      if (!complete) {
        org.slf4j.LoggerFactory.getLogger(CompositeAssembler.class).debug(
            "Composed {} at {} without some of its projections' records (compacted away)", replay, w.position);
      }
      out = out.isEmpty() ? new ArrayList<>() : out;
      out.add(compose(replay, w.position, w.clock));
    }
    return out;
  }

  private static boolean startsAgain(Clock before, Clock after) {
    boolean marker = after.lastEvent() != null
        && EventType.REPLAY_STARTED.wireName().equals(after.lastEvent().type());
    return marker || before != null && after.eventsApplied() < before.eventsApplied();
  }

  private Composed compose(String replay, FeedPosition position, Clock clock) {
    Composite.Values values = new Composite.Values(engine, Arrays.asList(replays.get(replay).values));
    StationState state = Composite.state(clock, values);
    String json = Json.write(Composite.json(clock, values));
    boolean reset = clock.lastEvent() != null
        && EventType.REPLAY_STARTED.wireName().equals(clock.lastEvent().type());
    return new Composed(replay, position, clock, state, json, reset);
  }
}
