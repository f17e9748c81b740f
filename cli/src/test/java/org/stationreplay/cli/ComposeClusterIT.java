package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stationreplay.json.Json;
import org.stationreplay.state.StationState;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The cluster path for machines with Docker: {@code docker-compose.yml} as it is (three brokers, the topics
 * step, two Streams instances, the replay), with the jar this build packaged. Both instances answer for the ISS
 * replay, with the same state. Without Docker it is reported as skipped; {@code DockerComposeTest} (the file
 * against the code) and {@code ScaleOutIT} (the same topology on embedded brokers) always run.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeClusterIT {
  private static final Duration START = Duration.ofMinutes(5);

  @Container
  static final ComposeContainer CLUSTER = new ComposeContainer(new File("../docker-compose.yml"))
      .withEnv("STATION_CONTROL_TOKEN", "compose-cluster-it")
      .withExposedService("streams-1", 8080, Wait.forHttp("/api/health").forStatusCode(200).withStartupTimeout(START))
      .withExposedService("streams-2", 8080, Wait.forHttp("/api/health").forStatusCode(200).withStartupTimeout(START));

  @Test
  void shouldAnswerTheSameStateFromEitherInstance() {
    URI one = URI.create("http://" + CLUSTER.getServiceHost("streams-1", 8080) + ":"
        + CLUSTER.getServicePort("streams-1", 8080));
    URI two = URI.create("http://" + CLUSTER.getServiceHost("streams-2", 8080) + ":"
        + CLUSTER.getServicePort("streams-2", 8080));
    // A week per second: Expedition 1 (2 Nov 2000) is folded within about two minutes of the start.
    String query = "/api/state?replay=ISS&at=2001-01-31";
    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().untilAsserted(() -> {
      String a = get(one.resolve(query));
      String b = get(two.resolve(query));
      assertThat(a).isEqualTo(b);
      StationState state = Json.mapper().readValue(a, StationState.class);
      assertThat(state.expedition()).isEqualTo(1);
      assertThat(state.peopleAboard()).isEqualTo(3);
    });
  }

  private static String get(URI uri) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
