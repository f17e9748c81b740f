package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stationreplay.projections.Fold;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.Json;
import org.stationreplay.state.StationState;

/**
 * {@code ./station demo} as a user runs it: the packaged jar in its own JVM. The page's API changes while the
 * replay runs, ends at the offline fold, and SIGTERM (what Ctrl-C does) leaves no process and no port behind.
 */
class DemoIT {
  private static final Pattern KAFKA = Pattern.compile("Kafka at (localhost:\\d+)");

  @Test
  void shouldServeAChangingStateAndStopCleanlyOnSigterm() throws Exception {
    Path jar = Path.of("target", "station.jar");
    assertThat(jar).exists();
    int httpPort = freePort();
    Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar.toString(), "demo", "--http-port", String.valueOf(httpPort),
        "--speed", "1e8", "--max-gap", "50ms")
        .redirectErrorStream(true)
        .start();
    List<String> output = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
        r.lines().forEach(output::add);
      } catch (IOException | java.io.UncheckedIOException ignored) {
        // the process is gone
      }
    });
    reader.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + httpPort + "/api/state");
      HttpClient http = HttpClient.newHttpClient();
      StationState expected = Fold.state(HistoryReader.bundled().events());
      Set<Long> seen = new ConcurrentSkipListSet<>();
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
        HttpResponse<String> r;
        try {
          r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException notYetUp) {
          return false;
        }
        if (r.statusCode() != 200) {
          return false;
        }
        StationState s = Json.mapper().readValue(r.body(), StationState.class);
        seen.add(s.eventsApplied());
        return EndToEndIT.withoutRun(s).equals(expected);
      });
      assertThat(seen).as("distinct states seen while the replay ran").hasSizeGreaterThan(3);
      assertThat(output).anyMatch(l -> l.contains("open http://127.0.0.1:" + httpPort + "/"));
      String kafka = output.stream().map(KAFKA::matcher).filter(Matcher::find).map(m -> m.group(1))
          .findFirst().orElseThrow();

      demo.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hooks run
      assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("demo exited").isTrue();
      assertThat(demo.descendants().count()).isZero();
      assertThat(portIsFree(httpPort)).as("HTTP port released").isTrue();
      assertThat(portIsFree(Integer.parseInt(kafka.substring(kafka.indexOf(':') + 1))))
          .as("Kafka port released").isTrue();
      String tmpDir = output.stream().filter(l -> l.contains("data in ")).findFirst()
          .map(l -> l.substring(l.indexOf("data in ") + 8, l.lastIndexOf(')'))).orElseThrow();
      assertThat(Files.exists(Path.of(tmpDir))).as("temporary data deleted").isFalse();
    } finally {
      demo.destroyForcibly();
      reader.join(5_000);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket s = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
