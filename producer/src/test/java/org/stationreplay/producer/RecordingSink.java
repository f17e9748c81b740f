package org.stationreplay.producer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.events.StationEvent;

/** Notes what the replay wrote and at which (fake) second. */
class RecordingSink implements EventSink {
  record Sent(double second, String kind, String what) {
    @Override
    public String toString() {
      return String.format("%.3f %s %s", second, kind, what);
    }
  }

  private final FakeClock clock;
  final List<Sent> log = new ArrayList<>();
  final List<StationEvent> events = new ArrayList<>();
  final List<ReplayStatus> statuses = new ArrayList<>();

  RecordingSink(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public void send(String key, StationEvent event) {
    events.add(event);
    log.add(new Sent(clock.seconds(), "event", event.id()));
  }

  @Override
  public void tick(String key, Instant time, String run) {
    log.add(new Sent(clock.seconds(), "tick", time.toString()));
  }

  @Override
  public void status(String key, ReplayStatus status) {
    statuses.add(status);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  List<Sent> of(String kind) {
    return log.stream().filter(s -> s.kind().equals(kind)).toList();
  }

  List<String> eventIds() {
    return events.stream().map(StationEvent::id).toList();
  }
}
