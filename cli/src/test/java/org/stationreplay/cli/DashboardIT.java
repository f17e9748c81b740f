package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.projections.Fold;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.Json;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/** The dashboard's backend on a real broker: SSE with resume, replay commands, replay status, time travel. */
class DashboardIT {
  private static EmbeddedKafkaBroker broker;
  private static final History HISTORY = HistoryReader.bundled();

  private LiveStation live;
  private TopicNames topics;
  private String base;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @BeforeEach
  void start(TestInfo test) throws Exception {
    live = LiveStation.start(broker, test.getTestMethod().orElseThrow().getName());
    topics = live.topics;
    base = live.base;
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }

  /** A replay that stays for commands. */
  private void startReplay(Speed speed) {
    live.startReplay(HISTORY, speed, ReplayListener.NONE);
  }

  private List<String> lastTicks() {
    List<ConsumerRecord<String, byte[]>> ticks = EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.events())
        .stream().filter(r -> new String(r.value()).contains("\"ClockTicked\"")).toList();
    return ticks.subList(Math.max(0, ticks.size() - 3), ticks.size()).stream()
        .map(r -> new String(r.value())).toList();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return live.get(path);
  }

  private HttpResponse<String> post(String json) throws Exception {
    return live.post(json);
  }

  private ReplayStatus status() throws Exception {
    return live.status();
  }

  /** The latest state, or an empty station while there is none yet. */
  private StationState state() throws Exception {
    return live.state();
  }

  @Test
  void shouldResumeADroppedStreamWithEveryChangeExactlyOnce() throws Exception {
    startReplay(new Speed(1e8));
    List<String> ids = new ArrayList<>();
    List<Long> applied = new ArrayList<>();
    String lastId;
    try (SseReader first = new SseReader(URI.create(base + "/api/stream"), null)) {
      for (int i = 0; i < 40; i++) {
        SseReader.Message m = first.next("state", Duration.ofSeconds(30));
        assertThat(m).as("state event %d", i).isNotNull();
        ids.add(m.id());
        applied.add(Json.mapper().readValue(m.data(), StationState.class).eventsApplied());
      }
      lastId = ids.get(ids.size() - 1);
    } // dropped here, while the replay goes on
    Thread.sleep(1_000);
    try (SseReader second = new SseReader(URI.create(base + "/api/stream"), lastId)) {
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline) {
        SseReader.Message m = second.next("state", Duration.ofSeconds(2));
        if (m != null) {
          ids.add(m.id());
          applied.add(Json.mapper().readValue(m.data(), StationState.class).eventsApplied());
        } else if (status() != null && status().state() == ReplayStatus.State.FINISHED) {
          break; // finished, and two quiet seconds on the stream
        }
      }
    }
    // Every committed state after the first one received, in order, once: exactly the topic's records.
    List<ConsumerRecord<String, byte[]>> records = EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.clock());
    List<String> expected = records.stream().map(r -> r.partition() + "-" + r.offset())
        .dropWhile(id -> !id.equals(ids.get(0))).toList();
    assertThat(ids).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    assertThat(applied.get(applied.size() - 1)).isEqualTo(HISTORY.size());
  }

  @Test
  void shouldServeEveryChangeToTwoHundredDashboardsAtOnce() throws Exception {
    List<SseReader> readers = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        readers.add(new SseReader(URI.create(base + "/api/stream"), null));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/health").body().contains("\"dashboards\":200"));
      ReplayJob.run(live.client(), ReplayRequest.once(HISTORY, Speed.MAX, StationTopics.ISS), ReplayClock.SYSTEM,
          ReplayListener.NONE, topics, 3);
      await().atMost(Duration.ofSeconds(120)).until(() -> state().eventsApplied() == HISTORY.size());
      List<String> expected = EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.clock()).stream()
          .map(r -> r.partition() + "-" + r.offset()).toList();
      for (SseReader reader : readers) {
        List<String> got = new ArrayList<>();
        SseReader.Message m;
        while (got.size() < expected.size() && (m = reader.next("state", Duration.ofSeconds(30))) != null) {
          got.add(m.id());
        }
        assertThat(got).as("every dashboard gets every committed state, in order").isEqualTo(expected);
      }
    } finally {
      for (SseReader r : readers) {
        r.close();
      }
    }
  }

  @Test
  void shouldPauseResumeSeekAndTravelInTimeFromHttp() throws Exception {
    startReplay(new Speed(3e7)); // about a year per second, a tick per simulated day
    await().atMost(Duration.ofSeconds(60)).until(() -> status() != null && state().asOf() != null
        && state().asOf().isAfter(Instant.parse("2000-01-01T00:00:00Z")));

    assertThat(post("{\"command\":\"pause\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> status().state() == ReplayStatus.State.PAUSED);
    Instant pausedAt = status().simulatedTime();
    // The fold may still be working through what was sent before the pause: it catches up with the last
    // midnight tick before the paused clock, then stands still.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(state().asOf())
        .as("state %s / status %s / last ticks %s", state().lastEventId(), status(), lastTicks())
        .isAfterOrEqualTo(pausedAt.minus(Duration.ofDays(1))));
    Instant paused = state().asOf();
    assertThat(paused).isBeforeOrEqualTo(pausedAt);
    Thread.sleep(1_500);
    assertThat(state().asOf()).as("simulated time stands still while paused").isEqualTo(paused);

    assertThat(post("{\"command\":\"resume\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> state().asOf().isAfter(paused));

    // Days pass between events: the clock ticks move asOf, not only events.
    Instant a = state().asOf();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      StationState s = state();
      return s.asOf().isAfter(a) && s.lastEventId().equals(state().lastEventId());
    });

    assertThat(post("{\"command\":\"seek\",\"to\":\"2010-04-10\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> !state().asOf().isBefore(Instant.parse("2010-04-10T00:00:00Z")));
    assertThat(post("{\"command\":\"pause\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> status().state() == ReplayStatus.State.PAUSED);

    // Time travel, refolded from the run log: the day of the 13-person record equals the offline fold.
    for (String date : List.of("2009-07-20", "2000-11-02", "2003-08-01")) {
      HttpResponse<String> past = get("/api/state?at=" + date);
      assertThat(past.statusCode()).as(date + ": " + past.body()).isEqualTo(200);
      StationState expected = Fold.stateAt(HISTORY.events(), Instant.parse(date + "T23:59:59.999Z"));
      // Equal to the offline fold but for the run the replay stamps on its states.
      assertThat(EndToEndIT.withoutRun(Json.mapper().readValue(past.body(), StationState.class)))
          .as(date).isEqualTo(expected);
    }
    assertThat(Json.mapper().readValue(get("/api/state?at=2009-07-20").body(), StationState.class).peopleAboard())
        .isEqualTo(13);
    assertThat(get("/api/state?at=2020-01-01").statusCode()).as("not replayed yet").isEqualTo(404);

    // Seeking backwards starts a new run; the state is refolded to the target.
    assertThat(post("{\"command\":\"seek\",\"to\":\"2001-01-01\"}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      StationState s = state();
      assertThat(s.asOf()).isBefore(Instant.parse("2002-01-01T00:00:00Z"));
      assertThat(s.expedition()).isEqualTo(1);
    });
    HttpResponse<String> series = get("/api/series");
    assertThat(series.statusCode()).isEqualTo(200);
    assertThat(series.body()).contains("\"people\"");

    assertThat(post("{\"command\":\"explode\"}").statusCode()).isEqualTo(400);
    assertThat(post("{\"command\":\"speed\",\"speed\":\"warp\"}").body()).contains("error");
    assertThat(post("{\"command\":\"speed\",\"speed\":86400}").statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(10)).until(() -> status().speed().equals("86400"));
  }
}
