package org.stationreplay.producer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.control.ControlCommand;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.events.ReplayStarted;
import org.stationreplay.events.Source;
import org.stationreplay.events.StationEvent;

/**
 * Replays a history in accelerated time and obeys commands while it runs: pause, resume, speed, seek, restart,
 * loop. Between two events the simulated clock moves on linearly and a tick is written at every simulated
 * midnight, so dashboards see the days pass.
 *
 * <p>Timing: after every change of pace (start, resume, speed, seek) the engine takes an anchor: the wall time
 * {@code w0}, the simulated time {@code s0} and the next event {@code k}. Event {@code i >= k} is then due at
 * {@code w0 + lead + offset(i)}, where {@code lead = min((t_k - s0) / speed, maxGap)} and {@code offset} is the
 * {@link ReplaySchedule} of the events from {@code k}: every due time is computed from the anchor, never by adding
 * up sleeps, so errors do not accumulate.
 *
 * <p>Every run starts with a {@link ReplayStarted} marker, and events before the starting point are sent at once:
 * the fold then always rebuilds the station from nothing. Seeking backwards is a new run; seeking forwards sends
 * the events in between at once.
 */
public final class ReplayEngine {
  private static final Logger log = LoggerFactory.getLogger(ReplayEngine.class);
  /** Ticks no closer together than this in wall time (see nextTickBefore). */
  static final double MIN_TICK_GAP_SECONDS = 0.05;
  static final Source MARKER_SOURCE = new Source("Station History Replay producer", "urn:station-replay:producer");
  private static final long STATUS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  /** Commit what was sent before a wait longer than this, or once a transaction has been open this long. */
  private static final long COMMIT_BEFORE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final long MAX_OPEN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final ReplayClock clock;
  private final EventSink sink;
  private final BlockingQueue<ControlCommand> commands;
  private final ReplayListener listener;
  private final String key;
  private final List<StationEvent> events;
  private final int start;
  private final Instant from;
  private final Duration maxGap;
  private final boolean exitWhenFinished;
  private final ResumePoint resume;
  private long lastCommit;

  private Speed speed;
  private boolean loop;
  private ReplayStatus.State state = ReplayStatus.State.PLAYING;
  private int next;
  private int runs;
  private String runId;
  private final long session;
  private long lastLatenessNanos;

  // The anchor: see the class comment.
  private long anchorWall;
  private Instant anchorSim;
  private int anchorIndex;
  private long leadNanos;
  private ReplaySchedule schedule;
  private Instant pausedAt;
  private Instant lastTick;
  private long nextStatusDue;

  /**
   * @param events the whole history, in order
   * @param from where paced replay begins; events before it are sent at once (null: the first event)
   * @param to the last event time to replay (null: all)
   */
  public ReplayEngine(ReplayClock clock, EventSink sink, BlockingQueue<ControlCommand> commands,
      ReplayListener listener, String key, List<StationEvent> events, Instant from, Instant to, Speed speed,
      Duration maxGap, boolean loop, boolean exitWhenFinished) {
    this(clock, sink, commands, listener, key, events, from, to, speed, maxGap, loop, exitWhenFinished, null);
  }

  /** @param resume where a crashed replay of this station left off, or null to start a new run */
  public ReplayEngine(ReplayClock clock, EventSink sink, BlockingQueue<ControlCommand> commands,
      ReplayListener listener, String key, List<StationEvent> events, Instant from, Instant to, Speed speed,
      Duration maxGap, boolean loop, boolean exitWhenFinished, ResumePoint resume) {
    this.clock = clock;
    this.sink = sink;
    this.commands = commands;
    this.listener = listener;
    this.key = key;
    this.events = to == null ? List.copyOf(events)
        : List.copyOf(events.stream().filter(e -> !e.time().isAfter(to)).toList());
    this.start = from == null ? 0 : indexAtOrAfter(from);
    this.from = from;
    this.speed = speed;
    this.maxGap = maxGap;
    this.loop = loop;
    this.exitWhenFinished = exitWhenFinished;
    this.session = clock.wallTime().toEpochMilli(); // tells this producer's runs from an earlier one's
    this.resume = resume;
  }

  /**
   * Runs until the replay is finished (and {@code exitWhenFinished}), or until interrupted.
   *
   * @return the number of events sent
   */
  public int run() throws InterruptedException {
    if (resume != null) {
      continueRun(resume);
    } else {
      newRun("start", start, startInstant());
    }
    while (true) {
      if (state == ReplayStatus.State.PLAYING && next >= events.size()) {
        if (loop && !events.isEmpty()) {
          newRun("loop", start, startInstant());
          continue;
        }
        state = ReplayStatus.State.FINISHED;
        publishStatus(); // committed by the caller when it exits, before the first wait when it stays
        listener.finished(next, clock.nanoTime() - anchorWall);
        if (exitWhenFinished) {
          return next;
        }
      }
      if (state != ReplayStatus.State.PLAYING) {
        commit();
        ControlCommand command = clock.awaitUntil(clock.nanoTime() + TimeUnit.SECONDS.toNanos(1), commands);
        if (command != null) {
          apply(command);
        }
        continue;
      }
      long due = dueOf(next);
      Instant tick = nextTickBefore(next);
      long tickDue = tick == null ? Long.MAX_VALUE : dueOfSimulated(tick);
      long wakeAt = Math.min(Math.min(due, tickDue), nextStatusDue);
      long before = clock.nanoTime();
      if (!speed.isMax() && (wakeAt - before > COMMIT_BEFORE_WAIT_NANOS || before - lastCommit > MAX_OPEN_NANOS)) {
        commit(); // about to idle, or open long enough: make what was sent visible now
      }
      ControlCommand command = speed.isMax() ? commands.poll() : clock.awaitUntil(wakeAt, commands);
      if (command != null) {
        apply(command);
        continue;
      }
      long now = clock.nanoTime();
      if (tick != null && now - tickDue >= 0 && tickDue <= due) {
        sink.tick(key, tick, runId);
        listener.ticked(tick, now - tickDue);
        lastTick = tick;
        continue;
      }
      if (speed.isMax() || now - due >= 0) {
        StationEvent event = events.get(next);
        lastLatenessNanos = speed.isMax() ? 0 : Math.max(0, now - due);
        sink.send(key, event);
        listener.sent(next, events.size(), event, lastLatenessNanos);
        next++;
      }
      if (now - nextStatusDue >= 0) {
        publishStatus();
      }
    }
  }

  private void apply(ControlCommand command) {
    log.info("Replay command: {}", command);
    // One reading of the clock for the whole command: the ticks written and the simulated time the command acts
    // at must agree even if this thread is descheduled in between (it was, on a busy machine).
    long now = clock.nanoTime();
    if (state == ReplayStatus.State.PLAYING) {
      sendOverdueTicks(now);
    }
    Instant simNow = state == ReplayStatus.State.PLAYING ? simulatedAt(now) : null;
    command.accept(new ControlCommand.Cases<Void>() {
      @Override
      public Void pause() {
        if (state == ReplayStatus.State.PLAYING) {
          pausedAt = simNow;
          state = ReplayStatus.State.PAUSED;
        }
        return null;
      }

      @Override
      public Void resume() {
        if (state == ReplayStatus.State.PAUSED) {
          state = ReplayStatus.State.PLAYING;
          anchor(pausedAt, next);
        }
        return null;
      }

      @Override
      public Void changeSpeed(String text) {
        Speed newSpeed;
        try {
          newSpeed = Speed.parse(text);
        } catch (IllegalArgumentException e) {
          log.warn("Ignoring speed command: {}", e.getMessage());
          return null;
        }
        Instant sim = state == ReplayStatus.State.PLAYING ? simNow : pausedAt;
        speed = newSpeed;
        if (state == ReplayStatus.State.PLAYING) {
          anchor(sim, next);
        }
        return null;
      }

      @Override
      public Void seek(Instant to) {
        seekTo(to, simNow);
        return null;
      }

      @Override
      public Void restart() {
        newRun("restart", start, startInstant());
        return null;
      }

      @Override
      public Void setLoop(boolean enabled) {
        loop = enabled;
        return null;
      }
    });
    publishStatus();
  }

  private void seekTo(Instant target, Instant simNow) {
    if (events.isEmpty()) {
      return;
    }
    Instant first = events.get(0).time();
    Instant last = events.get(events.size() - 1).time();
    Instant to = target.isBefore(first) ? first : target.isAfter(last) ? last : target;
    Instant position = state == ReplayStatus.State.PLAYING ? simNow
        : state == ReplayStatus.State.PAUSED ? pausedAt : last;
    int index = indexAtOrAfter(to);
    boolean wasPaused = state == ReplayStatus.State.PAUSED;
    if (to.isBefore(position) || index < next) {
      newRun("seek", index, to);
    } else {
      burstUntil(index);
      state = ReplayStatus.State.PLAYING;
      anchor(to, index);
      lastTick = to;
    }
    if (index > 0 && to.isAfter(events.get(index - 1).time())) {
      sink.tick(key, to, runId); // the clock shows the instant sought, not the last event before it
    }
    if (wasPaused) {
      pausedAt = to;
      state = ReplayStatus.State.PAUSED;
    }
  }

  private void commit() {
    if (sink.hasPending()) {
      sink.flush();
    }
    lastCommit = clock.nanoTime();
  }

  /** Carries on a run that a crashed producer left off: no new marker, the same run id, the next event. */
  private void continueRun(ResumePoint point) {
    runId = point.run();
    next = Math.min(point.nextIndex(), events.size());
    state = ReplayStatus.State.PLAYING;
    Instant sim = next == 0 ? (events.isEmpty() ? null : events.get(0).time()) : events.get(next - 1).time();
    anchor(sim, next);
    lastTick = sim;
    log.info("Resuming run {} at event {} of {}", runId, next, events.size());
    publishStatus();
  }

  /** Where a run starts in simulated time: the {@code from} instant, or the first event. */
  private Instant startInstant() {
    return from != null ? from : events.isEmpty() ? null : events.get(0).time();
  }

  /** A new run: the marker, every event before index {@code from} at once, then paced from {@code sim}. */
  private void newRun(String reason, int fromIndex, Instant sim) {
    runs++;
    next = 0;
    runId = "replay-" + reason + "-" + runs + "-s" + session;
    if (!events.isEmpty()) {
      Instant t0 = events.get(0).time();
      sink.send(key, new ReplayStarted(runId, t0, StationEvent.CURRENT_SCHEMA_VERSION, MARKER_SOURCE, null, null,
          reason));
    }
    burstUntil(fromIndex);
    state = ReplayStatus.State.PLAYING;
    anchor(sim, fromIndex);
    lastTick = sim;
    publishStatus();
  }

  private void burstUntil(int index) {
    while (next < index && next < events.size()) {
      StationEvent e = events.get(next);
      sink.send(key, e);
      listener.sent(next, events.size(), e, 0);
      next++;
    }
  }

  private void anchor(Instant sim, int index) {
    anchorWall = clock.nanoTime();
    anchorSim = sim;
    anchorIndex = index;
    if (speed.isMax() || index >= events.size()) {
      leadNanos = 0;
      schedule = ReplaySchedule.of(List.of(), speed, maxGap);
      return;
    }
    schedule = ReplaySchedule.of(events.subList(index, events.size()).stream().map(StationEvent::time).toList(),
        speed, maxGap);
    long gap = sim == null ? 0 : Math.max(0, Duration.between(sim, events.get(index).time()).toNanos());
    long lead = Math.round(gap / speed.factor());
    leadNanos = maxGap == null ? lead : Math.min(lead, maxGap.toNanos());
    nextStatusDue = anchorWall;
  }

  private long dueOf(int index) {
    if (speed.isMax()) {
      return anchorWall;
    }
    return anchorWall + leadNanos + schedule.offsetNanos(index - anchorIndex);
  }

  /** The wall time at which the simulated clock, running linearly between the events, shows {@code t}. */
  private long dueOfSimulated(Instant t) {
    Instant prevTime = next == anchorIndex ? anchorSim : events.get(next - 1).time();
    long prevDue = next == anchorIndex ? anchorWall : dueOf(next - 1);
    long nextDue = dueOf(next);
    long span = Duration.between(prevTime, events.get(next).time()).toNanos();
    if (span <= 0) {
      return nextDue;
    }
    double fraction = Duration.between(prevTime, t).toNanos() / (double) span;
    return prevDue + Math.round(fraction * (nextDue - prevDue));
  }

  /**
   * Writes every tick due by {@code now} (those before the next event), then the day the clock is in, which the
   * coarser ticks of high speeds may have skipped: a command (pause, say) leaves the clock on the right day.
   */
  private void sendOverdueTicks(long now) {
    Instant tick;
    while (!speed.isMax() && (tick = nextTickBefore(next)) != null && now - dueOfSimulated(tick) >= 0) {
      sink.tick(key, tick, runId);
      lastTick = tick;
    }
    Instant simNow = speed.isMax() || lastTick == null || next >= events.size() ? null : simulatedAt(now);
    if (simNow != null) {
      Instant today = LocalDate.ofInstant(simNow, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
      if (today.isAfter(lastTick) && today.isBefore(events.get(next).time())
          && (next == 0 || today.isAfter(events.get(next - 1).time()))) {
        sink.tick(key, today, runId);
        lastTick = today;
      }
    }
  }

  /** The simulated time at wall time {@code now}: between the last event sent and the next, linearly. */
  Instant simulatedAt(long now) {
    if (next >= events.size()) {
      return events.isEmpty() ? null : events.get(events.size() - 1).time();
    }
    Instant prevTime = next == anchorIndex ? anchorSim : events.get(next - 1).time();
    if (speed.isMax() || prevTime == null) {
      return prevTime;
    }
    long prevDue = next == anchorIndex ? anchorWall : dueOf(next - 1);
    long nextDue = dueOf(next);
    if (nextDue <= prevDue || now <= prevDue) {
      return prevTime;
    }
    double fraction = Math.min(1.0, (now - prevDue) / (double) (nextDue - prevDue));
    long span = Duration.between(prevTime, events.get(next).time()).toNanos();
    return prevTime.plusNanos(Math.round(fraction * span));
  }

  /**
   * The next simulated midnight after the last tick and before event {@code index}, or null. A tick every simulated
   * day, unless days pass faster than one per {@link #MIN_TICK_GAP_SECONDS} of wall time: then every few days, so
   * that a year per second writes about 20 ticks a second, not 365 full states for every dashboard to draw.
   */
  private Instant nextTickBefore(int index) {
    if (speed.isMax() || index >= events.size() || lastTick == null) {
      return null;
    }
    long step = Math.max(1, (long) Math.ceil(speed.factor() * MIN_TICK_GAP_SECONDS / 86_400));
    Instant midnight = LocalDate.ofInstant(lastTick, ZoneOffset.UTC).plusDays(step).atStartOfDay()
        .toInstant(ZoneOffset.UTC);
    Instant floor = index == anchorIndex ? anchorSim : events.get(index - 1).time();
    if (floor != null && midnight.isBefore(floor)) {
      midnight = LocalDate.ofInstant(floor, ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    return midnight.isBefore(events.get(index).time()) ? midnight : null;
  }

  private int indexAtOrAfter(Instant t) {
    for (int i = 0; i < events.size(); i++) {
      if (!events.get(i).time().isBefore(t)) {
        return i;
      }
    }
    return events.size();
  }

  private void publishStatus() {
    nextStatusDue = clock.nanoTime() + STATUS_EVERY_NANOS;
    Instant sim = switch (state) {
      case PLAYING -> simulatedAt(clock.nanoTime());
      case PAUSED -> pausedAt;
      case FINISHED -> events.isEmpty() ? null : events.get(events.size() - 1).time();
    };
    sink.status(key, new ReplayStatus(key, state, speed.toString(), sim,
        events.isEmpty() ? null : events.get(0).time(),
        events.isEmpty() ? null : events.get(events.size() - 1).time(), next, events.size(), loop,
        lastLatenessNanos / 1e6, clock.wallTime()));
  }

  public ReplayStatus.State state() {
    return state;
  }
}
