package org.stationreplay.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.CommonClientConfigs;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.history.History;
import org.stationreplay.json.Json;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.state.StationState;
import org.stationreplay.streams.StationService;
import org.stationreplay.streams.StreamsSettings;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * A live system for an integration test, on a broker the test owns: the Streams app with its HTTP API on topics and
 * an application id of its own (named after the test), and a replay thread that stays for commands; with the HTTP
 * calls the tests make.
 */
final class LiveStation implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final EmbeddedKafkaBroker broker;
  final TopicNames topics;
  final String applicationId;
  final StationService service;
  final String base;
  private Thread replay;
  /** What the replay thread died of, if it did. */
  final AtomicReference<Throwable> replayDied = new AtomicReference<>();

  private LiveStation(EmbeddedKafkaBroker broker, String name) throws InterruptedException {
    this.broker = broker;
    String prefix = name.toLowerCase() + "-" + System.nanoTime() + "-";
    topics = TopicNames.prefixed(prefix);
    applicationId = prefix + "app";
    service = StationService.start(new StreamsSettings(applicationId, client(), Path.of("target", "it-state", prefix),
        Duration.ofMillis(100), topics, 3), "127.0.0.1", 0, Duration.ofSeconds(60));
    base = "http://127.0.0.1:" + service.httpPort();
  }

  static LiveStation start(EmbeddedKafkaBroker broker, String name) throws InterruptedException {
    return new LiveStation(broker, name);
  }

  Map<String, Object> client() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
  }

  /** Replays {@code history} for replay ISS, staying for commands at the end; idle gaps capped at 200 ms. */
  void startReplay(History history, Speed speed, ReplayListener listener) {
    replay = new Thread(() -> {
      try {
        ReplayJob.run(client(), new ReplayRequest(history, speed, null, null, Duration.ofMillis(200),
            StationTopics.ISS, false, false), ReplayClock.SYSTEM, listener, topics, 3);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        replayDied.set(e);
      }
    }, "live-station-replay");
    replay.start();
  }

  boolean replayAlive() {
    return replay != null && replay.isAlive();
  }

  HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code POST /api/control} with this body. */
  HttpResponse<String> post(String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/control")).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The replay's status, or null before it reported. */
  ReplayStatus status() throws Exception {
    HttpResponse<String> r = get("/api/replay");
    return r.statusCode() == 200 ? Json.mapper().readValue(r.body(), ReplayStatus.class) : null;
  }

  /** The latest state, or an empty station before the first. */
  StationState state() throws Exception {
    HttpResponse<String> r = get("/api/state");
    return r.statusCode() == 200 ? Json.mapper().readValue(r.body(), StationState.class) : StationState.EMPTY;
  }

  @Override
  public void close() throws Exception {
    if (replay != null) {
      replay.interrupt();
      replay.join(10_000);
    }
    service.close();
  }
}
