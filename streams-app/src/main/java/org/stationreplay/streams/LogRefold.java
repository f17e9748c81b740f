package org.stationreplay.streams;

import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.stationreplay.projection.Outcome;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;

/**
 * Folds records read back from the event log exactly as the live fold did: a record without a key, that does not
 * decode, or whose time Kafka would refuse is skipped (it went to the dead-letter topic), and the engine's rules
 * refuse what they refused then. Per replay, with the engine given: all projections for time travel, one for a
 * rebuild.
 */
final class LogRefold {
  private final ProjectionEngine engine;
  private final Predicate<String> replays;
  private final long nowMillis;
  private final EventDecoder decoder = new EventDecoder();
  private final Map<String, Snapshot> snapshots = new HashMap<>();
  /** The last events applied per replay, newest last, for the timeline; 0: not kept. */
  private final int timelineLimit;
  private final Map<String, java.util.ArrayDeque<TimelineEntry>> timelines = new HashMap<>();

  LogRefold(ProjectionEngine engine, Predicate<String> replays, long nowMillis) {
    this(engine, replays, nowMillis, 0);
  }

  LogRefold(ProjectionEngine engine, Predicate<String> replays, long nowMillis, int timelineLimit) {
    this.engine = engine;
    this.replays = replays;
    this.nowMillis = nowMillis;
    this.timelineLimit = timelineLimit;
  }

  /** Folds one record. */
  void accept(ConsumerRecord<String, byte[]> r) {
    accept(r, null);
  }

  /**
   * Folds one record if its event is not after {@code until} (null: no limit).
   *
   * @return false when the record is one of the replays asked for and after {@code until}: not folded, and since a
   *     replay's events come in time order, none after it would be either
   */
  boolean accept(ConsumerRecord<String, byte[]> r, Instant until) {
    if (r.key() == null || !replays.test(r.key())) {
      return true;
    }
    DecodedEvent d = decoder.deserialize(r.topic(), r.value());
    if (!d.isValid() || d.event().time().toEpochMilli() > nowMillis + ProjectionProcessor.FUTURE_LIMIT.toMillis()) {
      return true;
    }
    if (until != null && d.event().time().isAfter(until)) {
      return false;
    }
    Snapshot before = snapshots.computeIfAbsent(r.key(), k -> engine.empty());
    Outcome o = engine.apply(before, d.event());
    if (o.kind() != Outcome.Kind.REJECTED) {
      if (!o.failures().isEmpty()) {
        Outcome.Failure f = o.failures().get(0);
        throw new IllegalStateException("projection '" + f.projection() + "' threw " + f.error() + " on "
            + d.event().id(), f.error());
      }
      snapshots.put(r.key(), o.snapshot());
      if (timelineLimit > 0) {
        remember(r.key(), o, d);
      }
    }
    return true;
  }

  private void remember(String replay, Outcome o, DecodedEvent d) {
    java.util.ArrayDeque<TimelineEntry> timeline = timelines.computeIfAbsent(replay, k -> new java.util.ArrayDeque<>());
    if (o.kind() == Outcome.Kind.STARTED) {
      timeline.clear(); // a new run: the timeline is this run's
    } else if (o.kind() == Outcome.Kind.APPLIED && d.event() instanceof org.stationreplay.events.HistoryEvent h) {
      timeline.addLast(TimelineEntry.of(h));
      if (timeline.size() > timelineLimit) {
        timeline.removeFirst();
      }
    }
  }

  /**
   * The page's timeline: the last {@code limit} events the replay's current run applied up to {@code instant}
   * (null: all the log holds), newest first, read back from the event log.
   */
  static java.util.List<TimelineEntry> timeline(EventLog log, RunStart start, String replay, Instant instant,
      int limit, ProjectionEngine engine, long nowMillis) {
    LogRefold refold = new LogRefold(engine, replay::equals, nowMillis, limit);
    refold.readRun(log, start, instant);
    java.util.List<TimelineEntry> newestFirst = new java.util.ArrayList<>(
        refold.timelines.getOrDefault(replay, new java.util.ArrayDeque<>()));
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /**
   * Time travel: a replay's current run, refolded from the event log from its start up to {@code instant}, and the
   * clock moved on to it. Empty if the run had not begun by then.
   */
  static Optional<Snapshot> at(EventLog log, RunStart start, String replay, Instant instant, ProjectionEngine engine,
      long nowMillis) {
    LogRefold refold = new LogRefold(engine, replay::equals, nowMillis);
    refold.readRun(log, start, instant);
    Snapshot then = refold.snapshot(replay);
    return then == null ? Optional.empty() : Optional.of(then.advancedTo(instant));
  }

  /** Folds a replay's current run from the event log, from its start up to {@code until} (null: to the end). */
  private void readRun(EventLog log, RunStart start, Instant until) {
    long end = log.end(start.partition());
    try (EventLog.Reader reader = log.open(start.partition(), start.offset())) {
      while (reader.position() < end) {
        for (ConsumerRecord<String, byte[]> r : reader.next(end, 2_000)) {
          if (!accept(r, until)) {
            return;
          }
        }
      }
    }
  }

  /** The replay's snapshot so far, or null if none of its records was folded. */
  Snapshot snapshot(String replay) {
    return snapshots.get(replay);
  }
}
