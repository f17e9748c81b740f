package org.stationreplay.producer;

import java.time.Instant;
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
 * loop. Between two events the simulated clock moves on linearly and a tick is written at every simulated midnight
 * ({@link TickPlan}), so dashboards see the days pass. The parts: {@link Pacer} says when each event and tick is
 * due, {@link TickPlan} which midnights get a tick, {@link CommitPolicy} when the transaction is committed; this
 * class runs the loop and applies the commands.
 *
 * <p>Every run starts with a {@link ReplayStarted} marker, and events before the starting point are sent at once:
 * the fold then always rebuilds the station from nothing. Seeking backwards is a new run; seeking forwards sends
 * the events in between at once.
 */
public final class ReplayEngine {
  private static final Logger log = LoggerFactory.getLogger(ReplayEngine.class);
  static final Source MARKER_SOURCE = new Source("Station History Replay producer", "urn:station-replay:producer");
  private static final long STATUS_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final ReplayPlan plan;
  private final List<StationEvent> events;
  private final ReplayClock clock;
  private final EventSink sink;
  private final BlockingQueue<ControlCommand> commands;
  private final ReplayListener listener;
  private final Pacer pacer;
  private final TickPlan ticks;
  private final CommitPolicy commits;
  private final int start;
  /** Tells this producer's runs from an earlier one's, in run ids. */
  private final long session;

  private boolean loop;
  private ReplayStatus.State state = ReplayStatus.State.PLAYING;
  private int next;
  private int runs;
  private String runId;
  private long lastLatenessNanos;
  private Instant pausedAt;
  private long nextStatusDue;

  public ReplayEngine(ReplayPlan plan, ReplayClock clock, EventSink sink, BlockingQueue<ControlCommand> commands,
      ReplayListener listener) {
    this.plan = plan;
    this.events = plan.events();
    this.clock = clock;
    this.sink = sink;
    this.commands = commands;
    this.listener = listener;
    this.pacer = new Pacer(events, plan.speed(), plan.maxGap());
    this.ticks = new TickPlan(events);
    this.commits = new CommitPolicy(sink);
    this.start = plan.from() == null ? 0 : indexAtOrAfter(plan.from());
    this.loop = plan.loop();
    this.session = clock.wallTime().toEpochMilli();
  }

  /**
   * Runs until the replay is finished (and the plan says to exit then), or until interrupted.
   *
   * @return the number of events sent
   */
  public int run() throws InterruptedException {
    if (plan.resume() != null) {
      continueRun(plan.resume());
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
        listener.finished(next, clock.nanoTime() - pacer.anchorWall());
        if (plan.exitWhenFinished()) {
          return next;
        }
      }
      if (state == ReplayStatus.State.PLAYING) {
        playStep();
      } else {
        commits.commit(clock);
        ControlCommand command = clock.awaitUntil(clock.nanoTime() + TimeUnit.SECONDS.toNanos(1), commands);
        if (command != null) {
          apply(command);
        }
      }
    }
  }

  /** Waits for whichever comes first, the next event, tick, status or command, and does it. */
  private void playStep() throws InterruptedException {
    Speed speed = pacer.speed();
    long due = pacer.dueOf(next);
    Instant tick = nextTick();
    long tickDue = tick == null ? Long.MAX_VALUE : pacer.dueOfSimulated(tick, next);
    long wakeAt = Math.min(Math.min(due, tickDue), nextStatusDue);
    commits.beforeWait(clock.nanoTime(), wakeAt, speed, clock);
    ControlCommand command = speed.isMax() ? commands.poll() : clock.awaitUntil(wakeAt, commands);
    if (command != null) {
      apply(command);
      return;
    }
    long now = clock.nanoTime();
    if (tick != null && now - tickDue >= 0 && tickDue <= due) {
      sink.tick(plan.key(), tick, runId);
      listener.ticked(tick, now - tickDue);
      ticks.shown(tick);
      return;
    }
    if (speed.isMax() || now - due >= 0) {
      StationEvent event = events.get(next);
      lastLatenessNanos = speed.isMax() ? 0 : Math.max(0, now - due);
      sink.send(plan.key(), event);
      listener.sent(next, events.size(), event, lastLatenessNanos);
      next++;
    }
    if (now - nextStatusDue >= 0) {
      publishStatus();
    }
  }

  private Instant nextTick() {
    return next >= events.size() ? null : ticks.nextBefore(next, pacer.speed(), pacer.previousTime(next));
  }

  private void apply(ControlCommand command) {
    log.info("Replay command: {}", command);
    // One reading of the clock for the whole command: the ticks written and the simulated time the command acts
    // at must agree even if this thread is descheduled in between (it was, on a busy machine).
    long now = clock.nanoTime();
    if (state == ReplayStatus.State.PLAYING) {
      sendOverdueTicks(now);
    }
    Instant simNow = state == ReplayStatus.State.PLAYING ? pacer.simulatedAt(now, next) : null;
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
        pacer.speed(newSpeed);
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
      ticks.shown(to);
    }
    if (index > 0 && to.isAfter(events.get(index - 1).time())) {
      sink.tick(plan.key(), to, runId); // the clock shows the instant sought, not the last event before it
    }
    if (wasPaused) {
      pausedAt = to;
      state = ReplayStatus.State.PAUSED;
    }
  }

  /** Carries on a run that a crashed producer left off: no new marker, the same run id, the next event. */
  private void continueRun(ResumePoint point) {
    runId = point.run();
    next = Math.min(point.nextIndex(), events.size());
    state = ReplayStatus.State.PLAYING;
    Instant sim = next == 0 ? (events.isEmpty() ? null : events.get(0).time()) : events.get(next - 1).time();
    anchor(sim, next);
    ticks.shown(sim);
    log.info("Resuming run {} at event {} of {}", runId, next, events.size());
    publishStatus();
  }

  /** Where a run starts in simulated time: the plan's {@code from} instant, or the first event. */
  private Instant startInstant() {
    return plan.from() != null ? plan.from() : events.isEmpty() ? null : events.get(0).time();
  }

  /** A new run: the marker, every event before index {@code from} at once, then paced from {@code sim}. */
  private void newRun(String reason, int fromIndex, Instant sim) {
    runs++;
    next = 0;
    runId = "replay-" + reason + "-" + runs + "-s" + session;
    if (!events.isEmpty()) {
      Instant t0 = events.get(0).time();
      sink.send(plan.key(), new ReplayStarted(runId, t0, StationEvent.CURRENT_SCHEMA_VERSION, MARKER_SOURCE, null,
          null, reason));
    }
    burstUntil(fromIndex);
    state = ReplayStatus.State.PLAYING;
    anchor(sim, fromIndex);
    ticks.shown(sim);
    publishStatus();
  }

  private void burstUntil(int index) {
    while (next < index && next < events.size()) {
      StationEvent e = events.get(next);
      sink.send(plan.key(), e);
      listener.sent(next, events.size(), e, 0);
      next++;
    }
  }

  private void anchor(Instant sim, int index) {
    pacer.anchor(clock.nanoTime(), sim, index);
    nextStatusDue = pacer.anchorWall();
  }

  /**
   * Writes every tick due by {@code now} (those before the next event), then the day the clock is in, which the
   * coarser ticks of high speeds may have skipped: a command (pause, say) leaves the clock on the right day.
   */
  private void sendOverdueTicks(long now) {
    if (pacer.speed().isMax()) {
      return;
    }
    Instant tick;
    while ((tick = nextTick()) != null && now - pacer.dueOfSimulated(tick, next) >= 0) {
      sink.tick(plan.key(), tick, runId);
      ticks.shown(tick);
    }
    Instant today = ticks.today(next >= events.size() ? null : pacer.simulatedAt(now, next), next);
    if (today != null) {
      sink.tick(plan.key(), today, runId);
      ticks.shown(today);
    }
  }

  /** The simulated time at wall time {@code now}: between the last event sent and the next, linearly. */
  Instant simulatedAt(long now) {
    return pacer.simulatedAt(now, next);
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
    sink.status(plan.key(), status());
  }

  /** Where the replay stands now (also what a failure report starts from). */
  public ReplayStatus status() {
    Instant sim = switch (state) {
      case PLAYING -> pacer.simulatedAt(clock.nanoTime(), next);
      case PAUSED -> pausedAt;
      case FINISHED, FAILED -> next == 0 || events.isEmpty() ? null : events.get(next - 1).time();
    };
    return new ReplayStatus(plan.key(), state, pacer.speed().toString(), sim,
        events.isEmpty() ? null : events.get(0).time(),
        events.isEmpty() ? null : events.get(events.size() - 1).time(), next, events.size(), loop,
        lastLatenessNanos / 1e6, clock.wallTime(), null);
  }

  public ReplayStatus.State state() {
    return state;
  }
}
