package org.stationreplay.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.stationreplay.control.ControlCommand;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.events.Source;
import org.stationreplay.events.StationEvent;
import org.stationreplay.events.VehicleArrived;
import org.stationreplay.events.BerthingMode;
import org.stationreplay.events.VehicleType;

class ReplayEngineTest {
  private static final Instant T0 = Instant.parse("2000-11-02T12:00:00Z");

  static StationEvent event(int day) {
    return new VehicleArrived("e-" + day, T0.plus(Duration.ofDays(day)), 1, new Source("t", "https://x"), null,
        null, "V" + day, VehicleType.PROGRESS, BerthingMode.DOCKED, null, null);
  }

  static List<StationEvent> days(int... days) {
    List<StationEvent> out = new ArrayList<>();
    for (int d : days) {
      out.add(event(d));
    }
    return out;
  }

  /** A run marker's id: reason, run number, and the session stamp (the fake wall clock at start). */
  static String run(String reason, int n) {
    return "replay-" + reason + "-" + n + "-s1767225600000";
  }

  private final FakeClock clock = new FakeClock();
  private RecordingSink sink = new RecordingSink(clock);

  private ReplayEngine engine(List<StationEvent> events, Speed speed, boolean exitWhenFinished) {
    return engine(events, speed, null, null, false, exitWhenFinished);
  }

  private ReplayEngine engine(List<StationEvent> events, Speed speed, Instant from, Duration maxGap, boolean loop,
      boolean exitWhenFinished) {
    ReplayPlan plan = ReplayPlan.once("ISS", events, speed).from(from).maxGap(maxGap).loop(loop)
        .exitWhenFinished(exitWhenFinished);
    return new ReplayEngine(plan, clock, sink, new LinkedBlockingQueue<>(), ReplayListener.NONE);
  }

  private List<Double> eventSeconds() {
    return sink.of("event").stream().filter(s -> s.what().startsWith("e-")).map(RecordingSink.Sent::second).toList();
  }

  @Test
  void shouldStartWithAMarkerAndSendEachEventAtItsScheduledTime() throws Exception {
    int sent = engine(days(0, 1, 3, 3, 10), Speed.DAY_PER_SECOND, true).run();
    assertThat(sent).isEqualTo(5);
    assertThat(sink.eventIds()).containsExactly(run("start", 1), "e-0", "e-1", "e-3", "e-3", "e-10");
    assertThat(eventSeconds()).containsExactly(0.0, 1.0, 3.0, 3.0, 10.0);
    assertThat(sink.statuses.get(sink.statuses.size() - 1).state()).isEqualTo(ReplayStatus.State.FINISHED);
  }

  @Test
  void shouldTickAtEverySimulatedMidnightBetweenEvents() throws Exception {
    engine(days(0, 3), Speed.DAY_PER_SECOND, true).run();
    // Events at noon on day 0 and day 3: midnights after 0.5, 1.5 and 2.5 simulated days.
    assertThat(sink.of("tick")).extracting(RecordingSink.Sent::what)
        .containsExactly("2000-11-03T00:00:00Z", "2000-11-04T00:00:00Z", "2000-11-05T00:00:00Z");
    assertThat(sink.of("tick")).extracting(RecordingSink.Sent::second)
        .containsExactly(0.5, 1.5, 2.5);
  }

  @Test
  void shouldTickProportionallyWithinACappedGap() throws Exception {
    // 10 simulated days capped to 2 s of wall clock: a midnight every 0.2 s.
    engine(days(0, 10), Speed.DAY_PER_SECOND, null, Duration.ofSeconds(2), false, true).run();
    assertThat(sink.of("tick")).hasSize(10);
    assertThat(sink.of("tick").get(0).second()).isCloseTo(0.1, within(1e-6));
    assertThat(eventSeconds()).containsExactly(0.0, 2.0);
  }

  @Test
  void shouldPauseAndResumeWithoutLosingItsPlace() throws Exception {
    clock.at(1.5, new ControlCommand.Pause()).at(5.5, new ControlCommand.Resume());
    engine(days(0, 1, 2, 3), Speed.DAY_PER_SECOND, true).run();
    // Paused at 1.5 s (simulated noon + 1.5 days) for 4 s: the rest of the schedule moves by 4 s.
    assertThat(eventSeconds()).containsExactly(0.0, 1.0, 6.0, 7.0);
    assertThat(sink.statuses).anySatisfy(s -> {
      assertThat(s.state()).isEqualTo(ReplayStatus.State.PAUSED);
      assertThat(s.simulatedTime()).isEqualTo(T0.plus(Duration.ofHours(36)));
    });
    assertThat(sink.of("tick").stream().filter(t -> t.second() > 1.5 && t.second() < 5.5)).isEmpty();
  }

  @Test
  void shouldHaveTickedEveryMidnightBeforeThePausedClock() throws Exception {
    clock.at(2.7, new ControlCommand.Pause()).stopAt(100);
    ReplayEngine engine = engine(days(0, 10), Speed.DAY_PER_SECOND, true);
    try {
      engine.run();
    } catch (InterruptedException stopped) {
      // paused for good
    }
    assertThat(sink.of("tick")).extracting(RecordingSink.Sent::what)
        .containsExactly("2000-11-03T00:00:00Z", "2000-11-04T00:00:00Z", "2000-11-05T00:00:00Z");
    assertThat(sink.statuses.get(sink.statuses.size() - 1).simulatedTime())
        .isEqualTo(T0.plus(Duration.ofMillis(2700 * 24 * 3600)));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(doubles = {3.3, 6.5, 7.0, 7.5, 9.1})
  void shouldTickUpToThePausedClockThroughTheWholeHistory(double pauseAt) throws Exception {
    clock.at(pauseAt, new ControlCommand.Pause()).stopAt(pauseAt + 10);
    List<StationEvent> history = org.stationreplay.history.HistoryReader.bundled().events();
    try {
      engine(history, new Speed(3e7), null, Duration.ofSeconds(5), false, true).run();
    } catch (InterruptedException stopped) {
      // paused for good
    }
    Instant pausedAt = sink.statuses.get(sink.statuses.size() - 1).simulatedTime();
    List<RecordingSink.Sent> ticks = sink.of("tick");
    Instant lastTick = Instant.parse(ticks.get(ticks.size() - 1).what());
    assertThat(lastTick).isBeforeOrEqualTo(pausedAt).isAfter(pausedAt.minus(Duration.ofDays(1)));
  }

  @Test
  void shouldCatchUpOnOverdueTicksWhenPausedWhileBehindSchedule() throws Exception {
    clock.at(2.0, new ControlCommand.Pause()).stopAt(12);
    RecordingSink slow = new RecordingSink(clock) {
      @Override
      public void tick(String key, Instant time, String run) {
        super.tick(key, time, run);
        clock.now += 4_000_000; // 4 ms per tick, when a simulated day lasts 2.9 ms: the replay falls behind
      }
    };
    sink = slow;
    try {
      engine(org.stationreplay.history.HistoryReader.bundled().events(), new Speed(3e7), null,
          Duration.ofSeconds(5), false, true).run();
    } catch (InterruptedException stopped) {
      // paused for good
    }
    Instant pausedAt = sink.statuses.get(sink.statuses.size() - 1).simulatedTime();
    List<RecordingSink.Sent> ticks = sink.of("tick");
    Instant lastTick = Instant.parse(ticks.get(ticks.size() - 1).what());
    assertThat(lastTick).isBeforeOrEqualTo(pausedAt).isAfter(pausedAt.minus(Duration.ofDays(1)));
  }

  @Test
  void shouldChangeSpeedFromWhereTheClockIs() throws Exception {
    clock.at(1.5, new ControlCommand.ChangeSpeed("43200"));
    engine(days(0, 1, 2, 3), Speed.DAY_PER_SECOND, true).run();
    // At 1.5 s half a day remains to event 2; at half a day per second that takes 1 s, then 2 s per day.
    assertThat(eventSeconds()).containsExactly(0.0, 1.0, 2.5, 4.5);
  }

  @Test
  void shouldSeekForwardBySendingTheEventsInBetweenAtOnce() throws Exception {
    clock.at(0.5, new ControlCommand.Seek(T0.plus(Duration.ofDays(5))));
    engine(days(0, 1, 2, 6, 7), Speed.DAY_PER_SECOND, true).run();
    assertThat(sink.eventIds()).containsExactly(run("start", 1), "e-0", "e-1", "e-2", "e-6", "e-7");
    assertThat(eventSeconds()).containsExactly(0.0, 0.5, 0.5, 1.5, 2.5);
  }

  @Test
  void shouldSeekBackwardAsANewRunThatRefoldsFromTheStart() throws Exception {
    clock.at(4.5, new ControlCommand.Seek(T0.plus(Duration.ofDays(2))));
    engine(days(0, 1, 2, 3, 4, 5), Speed.DAY_PER_SECOND, true).run();
    assertThat(sink.eventIds()).containsExactly(run("start", 1), "e-0", "e-1", "e-2", "e-3", "e-4",
        run("seek", 2), "e-0", "e-1", "e-2", "e-3", "e-4", "e-5");
    // After the seek at 4.5 s: e-0, e-1 at once; from noon of day 2, e-2 immediately, then a day per second.
    assertThat(eventSeconds().subList(5, 11)).containsExactly(4.5, 4.5, 4.5, 5.5, 6.5, 7.5);
  }

  @Test
  void shouldRestartAndLoop() throws Exception {
    clock.at(1.5, new ControlCommand.Restart()).at(2.0, new ControlCommand.SetLoop(true))
        .at(6.2, new ControlCommand.SetLoop(false));
    engine(days(0, 1, 2), Speed.DAY_PER_SECOND, true).run();
    // Restart at 1.5 s: that run ends at 3.5 s and loops; the next ends at 5.5 s and loops again; looping is
    // switched off at 6.2 s, so the run that began at 5.5 s is the last.
    assertThat(sink.eventIds()).containsExactly(run("start", 1), "e-0", "e-1", run("restart", 2), "e-0", "e-1",
        "e-2", run("loop", 3), "e-0", "e-1", "e-2", run("loop", 4), "e-0", "e-1", "e-2");
  }

  @Test
  void shouldStartFromADateAfterSendingTheEarlierEventsAtOnce() throws Exception {
    engine(days(0, 1, 2, 3), Speed.DAY_PER_SECOND, T0.plus(Duration.ofDays(1)), null, false, true).run();
    assertThat(sink.eventIds()).containsExactly(run("start", 1), "e-0", "e-1", "e-2", "e-3");
    assertThat(eventSeconds()).containsExactly(0.0, 0.0, 1.0, 2.0);
  }

  @Test
  void shouldStayAfterTheEndForCommandsUntilStopped() {
    clock.at(10, new ControlCommand.Restart()).stopAt(30);
    ReplayEngine engine = engine(days(0, 1), Speed.DAY_PER_SECOND, false);
    assertThatThrownBy(engine::run).isInstanceOf(InterruptedException.class);
    assertThat(sink.eventIds()).containsExactly(run("start", 1), "e-0", "e-1", run("restart", 2), "e-0", "e-1");
    assertThat(eventSeconds()).containsExactly(0.0, 1.0, 10.0, 11.0);
    assertThat(engine.state()).isEqualTo(ReplayStatus.State.FINISHED);
  }

  @Test
  void shouldSendEverythingAtOnceAtMaxSpeedWithoutTicks() throws Exception {
    engine(days(0, 100, 2000), Speed.MAX, true).run();
    assertThat(eventSeconds()).containsOnly(0.0);
    assertThat(sink.of("tick")).isEmpty();
  }

  @Test
  void shouldReportLatenessWhenTheSinkIsSlow() throws Exception {
    List<Long> lateness = new ArrayList<>();
    EventSink slow = new EventSink() {
      @Override public void send(String key, StationEvent event) {
        clock.now += 1_500_000_000L; // each send takes 1.5 s of the 1 s between events
      }
      @Override public void tick(String key, Instant time, String run) {}
      @Override public void status(String key, ReplayStatus status) {}
      @Override public void flush() {}
      @Override public void close() {}
    };
    new ReplayEngine(ReplayPlan.once("ISS", days(0, 1, 2), Speed.DAY_PER_SECOND), clock, slow,
        new LinkedBlockingQueue<>(), new ReplayListener() {
          @Override
          public void sent(int index, int total, StationEvent e, long latenessNanos) {
            lateness.add(latenessNanos);
          }
        }).run();
    // The schedule is anchored after the run's marker: due at 0, 1, 2 s, handed over at 0, 1.5, 3 s. Behind
    // schedule, it catches up without drifting further.
    assertThat(lateness).containsExactly(0L, 500_000_000L, 1_000_000_000L);
  }
}
