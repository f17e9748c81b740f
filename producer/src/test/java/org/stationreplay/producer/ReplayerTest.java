package org.stationreplay.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.Source;
import org.stationreplay.events.StationEvent;
import org.stationreplay.events.VehicleDeparted;

class ReplayerTest {
  private static final Instant T0 = Instant.parse("2000-11-02T09:21:00Z");

  static StationEvent event(int day) {
    return new VehicleDeparted("e-" + day, T0.plus(Duration.ofDays(day)), 1, new Source("t", "https://x"), null,
        null, "V" + day);
  }

  /** A sink that notes the fake clock's time at each send. */
  static class RecordingSink implements EventSink {
    final FakeClock clock;
    final List<Long> sentAt = new ArrayList<>();
    final List<StationEvent> sent = new ArrayList<>();
    boolean flushed;

    RecordingSink(FakeClock clock) {
      this.clock = clock;
    }

    @Override
    public void send(String key, StationEvent event) {
      sentAt.add(clock.nanoTime());
      sent.add(event);
    }

    @Override
    public void flush() {
      flushed = true;
    }

    @Override
    public void close() {}
  }

  @Test
  void shouldSendEachEventAtItsScheduledTimeWithoutSleeping() throws Exception {
    FakeClock clock = new FakeClock();
    long start = clock.now;
    RecordingSink sink = new RecordingSink(clock);
    List<StationEvent> events = List.of(event(0), event(1), event(3), event(3), event(10));
    List<Long> lateness = new ArrayList<>();
    ReplayListener listener = new ReplayListener() {
      @Override
      public void sent(int index, int total, StationEvent e, long latenessNanos) {
        lateness.add(latenessNanos);
      }
    };
    int sent = new Replayer(clock, sink, listener).replay("ISS", events,
        ReplaySchedule.of(events.stream().map(StationEvent::time).toList(), Speed.DAY_PER_SECOND, null));

    assertThat(sent).isEqualTo(5);
    assertThat(sink.sent).isEqualTo(events);
    assertThat(sink.sentAt).containsExactly(start, start + 1_000_000_000L, start + 3_000_000_000L,
        start + 3_000_000_000L, start + 10_000_000_000L);
    assertThat(lateness).containsOnly(0L);
    assertThat(sink.flushed).isTrue();
  }

  @Test
  void shouldReportLatenessWhenTheSinkIsSlow() throws Exception {
    FakeClock clock = new FakeClock();
    EventSink slow = new RecordingSink(clock) {
      @Override
      public void send(String key, StationEvent event) {
        clock.now += 1_500_000_000L; // each send takes 1.5 s of the 1 s between events
      }
    };
    List<Long> lateness = new ArrayList<>();
    List<StationEvent> events = List.of(event(0), event(1), event(2));
    new Replayer(clock, slow, new ReplayListener() {
      @Override
      public void sent(int index, int total, StationEvent e, long latenessNanos) {
        lateness.add(latenessNanos);
      }
    }).replay("ISS", events, ReplaySchedule.of(events.stream().map(StationEvent::time).toList(),
        Speed.DAY_PER_SECOND, null));
    // Due at 0, 1, 2 s; handed over at 0, 1.5, 3 s: behind schedule, it catches up without drifting.
    assertThat(lateness).containsExactly(0L, 500_000_000L, 1_000_000_000L);
  }
}
