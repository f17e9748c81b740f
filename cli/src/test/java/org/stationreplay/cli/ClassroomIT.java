package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stationreplay.broker.EmbeddedKafkaBroker;

/**
 * Classroom mode as a room runs it: one broker, two learners each running {@code ./station workshop demo} (the
 * packaged jar, in JVMs of their own) under their own name. Alice has finished lab 2, Bob has not: each page shows
 * the learner's projection beside the reference, and neither learner's outputs reach the other's topics.
 */
class ClassroomIT {
  private static final Path WORKSHOP = Path.of("..", "workshop").toAbsolutePath().normalize();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> processes = new ArrayList<>();

  @Test
  void shouldGiveEachLearnerTheirOwnProjectionsBesideTheReferenceOnOneSharedBroker(@TempDir Path tmp)
      throws Exception {
    Path alicesWorkshop = copyWorkshop(tmp.resolve("alice"));
    Path exercise = alicesWorkshop.resolve("src/main/java/org/stationreplay/workshop/lab02");
    for (Path f : javaFiles(alicesWorkshop.resolve("solutions/lab02"))) {
      Files.copy(f, exercise.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try (EmbeddedKafkaBroker room = EmbeddedKafkaBroker.start()) {
      int alicePort = freePort();
      int bobPort = freePort();
      Path aliceLog = start(alicesWorkshop, room.bootstrapServers(), "alice", alicePort);
      Path bobLog = start(WORKSHOP, room.bootstrapServers(), "bob", bobPort);
      try {
        String aliceRef = awaitProjection(alicePort, "alice", "people-by-agency-reference", v -> v.contains("NASA"));
        String bobRef = awaitProjection(bobPort, "bob", "people-by-agency-reference", v -> v.contains("NASA"));
        // Both replays run to the end of the history; the references then agree.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
            projection(alicePort, "alice", "people-by-agency-reference").equals(
                projection(bobPort, "bob", "people-by-agency-reference"))
                && projection(alicePort, "alice", "people-by-agency").equals(
                projection(alicePort, "alice", "people-by-agency-reference")));
        assertThat(aliceRef).isNotBlank();
        assertThat(bobRef).isNotBlank();
        assertThat(projection(bobPort, "bob", "people-by-agency")).as("Bob's untouched lab 2")
            .isEqualTo("{\"aboard\":{}}");
        assertThat(Files.readString(aliceLog)).contains("Topics workshop.alice.station.*");
        assertThat(Files.readString(bobLog)).contains("replay bob");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, room.bootstrapServers()))) {
          Set<String> topics = admin.listTopics().names().get();
          assertThat(topics).contains("workshop.alice.station.events", "workshop.bob.station.events",
              "workshop.alice.station.projection.people-by-agency",
              "workshop.bob.station.projection.people-by-agency",
              "workshop.bob.station.projection.people-by-agency-reference");
          assertThat(topics).as("nothing outside the learners' prefixes, but Kafka's own and the apps' changelogs")
              .allMatch(t -> t.startsWith("workshop.alice.") || t.startsWith("workshop.bob.") || t.startsWith("__")
                  || t.startsWith("station-workshop-alice-") || t.startsWith("station-workshop-bob-"));
        }
      } finally {
        for (Process p : processes) {
          p.destroy();
        }
        for (Process p : processes) {
          if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        }
      }
    }
  }

  @Test
  void shouldRefuseASharedBrokerWithoutALearnerName() {
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(new StationCli());
    cli.setErr(new java.io.PrintWriter(err));
    int code = cli.execute("workshop", "--workshop-dir", WORKSHOP.toString(), "demo", "--bootstrap-servers",
        "localhost:1");
    assertThat(code).isEqualTo(picocli.CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("--learner NAME is required with --bootstrap-servers");
  }

  /** {@code ./station workshop demo} for one learner; its output goes to target/it-logs/classroom-NAME.log. */
  private Path start(Path workshop, String bootstrap, String learner, int httpPort) throws IOException {
    Path log = Path.of("target", "it-logs", "classroom-" + learner + ".log");
    Files.deleteIfExists(log);
    processes.add(StationProcess.start(log, "workshop", "--workshop-dir", workshop.toString(), "demo",
        "--bootstrap-servers", bootstrap, "--learner", learner, "--http-port", String.valueOf(httpPort), "--speed",
        "max"));
    return log;
  }

  private String awaitProjection(int port, String replay, String name, java.util.function.Predicate<String> ok) {
    String[] last = {""};
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
      try {
        last[0] = projection(port, replay, name);
        return ok.test(last[0]);
      } catch (IOException notYetUp) {
        return false;
      }
    });
    return last[0];
  }

  private String projection(int port, String replay, String name) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/projections/" + name + "?replay=" + replay)).build(), HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 200 ? r.body() : "";
  }

  private static Path copyWorkshop(Path to) throws IOException {
    try (Stream<Path> files = Files.walk(WORKSHOP)) {
      for (Path f : files.filter(f -> !WORKSHOP.relativize(f).startsWith("target")).toList()) {
        Path target = to.resolve(WORKSHOP.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
