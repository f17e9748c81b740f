package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.broker.EmbeddedKafkaCluster;
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
import org.stationreplay.topics.TopicNames;

/**
 * Issue 7: a 3-broker KRaft cluster, two Streams instances in their own JVMs (the packaged jar, as on a real
 * cluster), 30 replays at once at max speed, each its own record key. Every replay's final state equals the
 * offline fold, asked of either instance (the one that does not hold it forwards to the one that does); then
 * one instance is killed in the middle of a second round of replays, its replays move to the other, and they
 * still finish correct; back up, it answers the same as the other for every replay.
 */
class ScaleOutIT {
  private static final Logger log = LoggerFactory.getLogger(ScaleOutIT.class);
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final int REPLAYS = 30;
  private static final int PARTITIONS = 6;
  private static final String TOKEN = "scale-out-it-token";

  @Test
  @Timeout(value = 420, unit = TimeUnit.SECONDS)
  void shouldFoldThirtyReplaysOnTwoInstancesAndSurviveLosingOne() throws Exception {
    String prefix = "scaleout-" + System.nanoTime() + "-";
    TopicNames topics = TopicNames.prefixed(prefix);
    History history = HistoryReader.bundled();
    Path work = Path.of("target", "it-state", prefix);
    // One thread per replay: all 30 run at the same time, each with its own transactional producer.
    ExecutorService producers = Executors.newFixedThreadPool(REPLAYS, r -> new Thread(r, "scale-out-replay"));
    List<Process> processes = new ArrayList<>();
    try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3)) {
      int portA = freePort();
      int portB = freePort();
      String[] common = {"--bootstrap-servers", cluster.bootstrapServers(), "--topic-prefix", prefix,
          "--partitions", String.valueOf(PARTITIONS), "--application-id", prefix + "app", "--standby-replicas", "1",
          "--control-token", TOKEN};
      Process a = startInstance(work, "a", portA, common);
      processes.add(a);
      Process b = startInstance(work, "b", portB, common);
      processes.add(b);
      URI instanceA = URI.create("http://127.0.0.1:" + portA);
      URI instanceB = URI.create("http://127.0.0.1:" + portB);
      awaitHealthy(instanceA);
      awaitHealthy(instanceB);
      long t0 = System.nanoTime();
      log.info("Both instances up");

      // Round 1: 30 replays of different lengths at once, both instances up.
      Map<String, StationState> expected = replayAll(cluster, topics, history, producers, 0);
      log.info("Round 1 sent ({} events) after {} ms", expected.values().stream()
          .mapToLong(StationState::eventsApplied).sum(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      Set<String> servedBy = new HashSet<>();
      for (URI instance : List.of(instanceA, instanceB)) {
        for (Map.Entry<String, StationState> e : expected.entrySet()) {
          HttpResponse<String> r = awaitState(instance, e.getKey(), e.getValue());
          r.headers().firstValue("X-Station-Served-By").ifPresent(servedBy::add);
        }
      }
      assertThat(servedBy).as("queries forwarded to the instance holding the replay").hasSize(2);
      log.info("Round 1 correct on both instances after {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));

      // Any instance streams any replay: the first state on the SSE stream of a replay is its latest.
      String someReplay = expected.keySet().iterator().next();
      for (URI instance : List.of(instanceA, instanceB)) {
        try (SseReader sse = new SseReader(instance.resolve("/api/stream?replay=" + someReplay), null)) {
          SseReader.Message first = sse.next("state", Duration.ofSeconds(20));
          assertThat(first).isNotNull();
          assertThat(EndToEndIT.withoutRun(Json.mapper().readValue(first.data(), StationState.class)))
              .isEqualTo(expected.get(someReplay));
        }
      }
      // Control needs the token (the instances were given one), sent to a replay name of its own so that no
      // replay of round 2 starts paused; every replay is listed for the page.
      URI control = instanceB.resolve("/api/control?replay=token-check");
      assertThat(post(control, "{\"command\":\"pause\"}", null).statusCode()).isEqualTo(401);
      assertThat(post(control, "{\"command\":\"pause\"}", "wrong-" + TOKEN).statusCode()).isEqualTo(401);
      assertThat(post(control, "{\"command\":\"pause\"}", TOKEN).statusCode()).isEqualTo(202);
      String replays = get(instanceA.resolve("/api/replays")).body();
      expected.keySet().forEach(name -> assertThat(replays).contains("\"" + name + "\""));

      // Round 2: new runs of every replay, longer ones; instance B is killed while they are folded.
      List<Future<Map.Entry<String, StationState>>> round2 = submitAll(cluster, topics, history, producers, 1);
      Thread.sleep(1500);
      StationProcess.kill(b);
      long killed = System.nanoTime();
      log.info("Killed instance B mid-round");
      Map<String, StationState> expected2 = collect(round2);
      for (Map.Entry<String, StationState> e : expected2.entrySet()) {
        awaitState(instanceA, e.getKey(), e.getValue());
      }
      log.info("All {} replays correct on instance A alone {} ms after B was killed", REPLAYS,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));

      // B comes back with its state directory: both answer the same for every replay.
      Process b2 = startInstance(work, "b", portB, common);
      processes.add(b2);
      awaitHealthy(instanceB);
      for (URI instance : List.of(instanceB, instanceA)) {
        for (Map.Entry<String, StationState> e : expected2.entrySet()) {
          awaitState(instance, e.getKey(), e.getValue());
        }
      }
      log.info("Round 2 correct on both instances, B back, after {} ms",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    } finally {
      producers.shutdownNow();
      for (Process p : processes) {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
          StationProcess.kill(p);
        }
      }
    }
  }

  /** Replay {@code i} of a round: its own name, a history cut at its own length (round 2 is half a year longer). */
  private static History cut(History history, int i, int round) {
    Instant end = Instant.parse("2001-01-01T00:00:00Z").plus(Duration.ofDays(60L * i + 180L * round));
    List<org.stationreplay.history.HistoryLine> lines = history.lines().stream()
        .filter(l -> !l.event().time().isAfter(end)).toList();
    return new History(history.name() + " to " + end, lines);
  }

  private static String name(int i) {
    return String.format("replay-%02d", i);
  }

  private static Map<String, StationState> replayAll(EmbeddedKafkaCluster cluster, TopicNames topics,
      History history, ExecutorService producers, int round) throws Exception {
    return collect(submitAll(cluster, topics, history, producers, round));
  }

  private static List<Future<Map.Entry<String, StationState>>> submitAll(EmbeddedKafkaCluster cluster,
      TopicNames topics, History history, ExecutorService producers, int round) {
    Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    List<Future<Map.Entry<String, StationState>>> futures = new ArrayList<>();
    for (int i = 0; i < REPLAYS; i++) {
      String name = name(i);
      History h = cut(history, i, round);
      futures.add(producers.submit(() -> {
        int sent = ReplayJob.run(client, ReplayRequest.once(h, Speed.MAX, name), ReplayClock.SYSTEM,
            ReplayListener.NONE, topics, PARTITIONS);
        assertThat(sent).isEqualTo(h.size());
        return Map.entry(name, Fold.state(h.events()));
      }));
    }
    return futures;
  }

  private static Map<String, StationState> collect(List<Future<Map.Entry<String, StationState>>> futures)
      throws Exception {
    Map<String, StationState> out = new LinkedHashMap<>();
    for (Future<Map.Entry<String, StationState>> f : futures) {
      Map.Entry<String, StationState> e = f.get(180, TimeUnit.SECONDS);
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** Asks until the instance answers with the expected state (the fold may still be catching up). */
  private static HttpResponse<String> awaitState(URI instance, String replay, StationState expected) {
    return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
        .until(() -> get(instance.resolve("/api/state?replay=" + replay)), r -> r.statusCode() == 200
            && EndToEndIT.withoutRun(parse(r.body())).equals(expected));
  }

  private static StationState parse(String json) {
    try {
      return Json.mapper().readValue(json, StationState.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Process startInstance(Path work, String name, int port, String[] common) throws Exception {
    List<String> args = new ArrayList<>(List.of("stream", "--http-host", "127.0.0.1", "--http-port",
        String.valueOf(port), "--advertised-url", "http://127.0.0.1:" + port, "--state-dir",
        work.resolve(name).toString(), "--wait", "60s"));
    args.addAll(List.of(common));
    return StationProcess.start(work.resolve(name + ".log"), args.toArray(String[]::new));
  }

  private static void awaitHealthy(URI instance) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
        .until(() -> get(instance.resolve("/api/health")).statusCode() == 200);
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(URI uri, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
