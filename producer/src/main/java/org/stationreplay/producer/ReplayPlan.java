package org.stationreplay.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.stationreplay.events.StationEvent;

/**
 * What one {@link ReplayEngine} replays, and how it starts: everything but the clock, the sink and the commands.
 *
 * @param key the record key of the replay's events, states, commands and status (its id)
 * @param events the history to replay, in order, already cut at its last event
 * @param from where paced replay begins; events before it are sent at once (null: the first event)
 * @param maxGap the longest wall-clock wait between two events, or null for none
 * @param exitWhenFinished stop at the end; otherwise stay and take commands until interrupted
 * @param resume where a crashed replay of this key left off, or null to start a new run
 */
public record ReplayPlan(String key, List<StationEvent> events, Instant from, Speed speed, Duration maxGap,
    boolean loop, boolean exitWhenFinished, ResumePoint resume) {

  public ReplayPlan {
    events = List.copyOf(events);
  }

  /** A request's plan: its history cut at {@code to}, resumed at {@code resume} (or null). */
  public static ReplayPlan of(ReplayRequest request, ResumePoint resume) {
    return new ReplayPlan(request.key(), cut(request.history().events(), request.to()), request.from(),
        request.speed(), request.maxGap(), request.loop(), request.exitWhenFinished(), resume);
  }

  /** One run of every event, then stop. */
  public static ReplayPlan once(String key, List<StationEvent> events, Speed speed) {
    return new ReplayPlan(key, events, null, speed, null, false, true, null);
  }

  /** The same plan with paced replay starting at {@code instant}. */
  public ReplayPlan from(Instant instant) {
    return new ReplayPlan(key, events, instant, speed, maxGap, loop, exitWhenFinished, resume);
  }

  /** The same plan with idle gaps capped at {@code gap} of wall time. */
  public ReplayPlan maxGap(Duration gap) {
    return new ReplayPlan(key, events, from, speed, gap, loop, exitWhenFinished, resume);
  }

  /** The same plan starting again at the end, or not. */
  public ReplayPlan loop(boolean enabled) {
    return new ReplayPlan(key, events, from, speed, maxGap, enabled, exitWhenFinished, resume);
  }

  /** The same plan staying for commands after the last event, or not. */
  public ReplayPlan exitWhenFinished(boolean exit) {
    return new ReplayPlan(key, events, from, speed, maxGap, loop, exit, resume);
  }

  /** The events up to {@code to} (all when null). */
  public static List<StationEvent> cut(List<StationEvent> events, Instant to) {
    return to == null ? events : events.stream().filter(e -> !e.time().isAfter(to)).toList();
  }
}
