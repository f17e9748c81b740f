package org.stationreplay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.producer.ConsoleProgress;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.ResumingReplay;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projections.Projections;
import org.stationreplay.streams.StationService;
import org.stationreplay.streams.StreamsSettings;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"The whole system in one process: an embedded Kafka broker, the Streams app with its web page,"
        + " and the replay at a watchable speed. Ctrl-C stops everything and leaves nothing behind."})
final class DemoCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);
  static final Duration DEFAULT_DEMO_MAX_GAP = Duration.ofSeconds(5);

  @Mixin ReplayOptions replay;
  @Mixin StreamOptions stream;

  @Option(names = "--kafka-port", defaultValue = "0",
      description = "Port of the embedded broker (default: any free port).")
  int kafkaPort;

  @Override
  public Integer call() throws Exception {
    return run(replay, stream, kafkaPort, Setup.STANDARD);
  }

  /**
   * What differs between {@code ./station demo} and {@code ./station workshop demo}.
   *
   * @param bootstrapServers a broker to use (a classroom's shared one), or null to start an embedded broker
   * @param notes lines printed under the address of the page
   */
  record Setup(ProjectionEngine engine, TopicNames topics, String applicationId, String bootstrapServers,
      List<String> notes) {
    static final Setup STANDARD = new Setup(Projections.engine(), TopicNames.DEFAULT, "station-demo", null,
        List.of());
  }

  static int run(ReplayOptions replay, StreamOptions stream, int kafkaPort, Setup setup) throws Exception {
    if (replay.maxGap == null) {
      replay.maxGap = DEFAULT_DEMO_MAX_GAP; // the 20 months before Zvezda would otherwise be 90 idle seconds
    }
    // Reading and validating the history (a second or two on a cold JVM) goes on while the broker starts.
    java.util.concurrent.CompletableFuture<ReplayRequest> reading = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> replay.request(false)); // the demo stays: restart, seek and loop from the page
    Path work = Files.createTempDirectory("station-demo-");
    List<AutoCloseable> started = new ArrayList<>();
    started.add(() -> deleteRecursively(work));
    try {
      String bootstrap = setup.bootstrapServers();
      if (bootstrap == null) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaPort, work.resolve("kafka"), Map.of());
        started.add(broker);
        bootstrap = broker.bootstrapServers();
      }
      Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      if (setup.bootstrapServers() != null) {
        BrokerWait.await(client, Duration.ofSeconds(60), System.err);
      }
      ReplayRequest request;
      try {
        request = reading.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      // The replay starts while the Streams app does (the log is the truth: the app folds whatever is already
      // there): the first state is served a couple of seconds sooner than if one waited for the other.
      Thread replayer = new Thread(() -> runReplay(client, request, setup.topics()), "replay");
      started.add(() -> {
        replayer.interrupt();
        replayer.join(10_000);
      });
      replayer.start();
      StationService service = StationService.start(new StreamsSettings(setup.applicationId(), client,
          stream.stateDirOr(work.resolve("streams")), stream.commitInterval, setup.topics(),
          StationTopics.DEFAULT_PARTITIONS).withStreamThreads(stream.streamThreads), setup.engine(), stream.httpHost,
          stream.httpPort, stream.controlToken, Duration.ofSeconds(60));
      started.add(service);
      System.out.println();
      System.out.println("  Station History Replay is running: open http://" + stream.httpHost + ":"
          + service.httpPort() + "/");
      System.out.println("  State API http://" + stream.httpHost + ":" + service.httpPort() + "/api/state, metrics "
          + "/metrics, Kafka at " + bootstrap + ", speed " + request.speed() + ". Ctrl-C to stop.");
      for (String note : setup.notes()) {
        System.out.println("  " + note);
      }
      System.out.println();
      System.out.flush();
    } catch (RuntimeException e) {
      java.util.Collections.reverse(started);
      Shutdown.closeAll(started);
      throw e;
    }
    Shutdown.awaitSignal(started);
    return 0;
  }

  /**
   * Runs the replay; when it fails (its status is then FAILED, with the reason) it is resumed from the log
   * ({@link ResumingReplay}); after three failures in a row the demo says so and exits with code 1: a demo whose
   * replay is dead must not look alive.
   */
  private static void runReplay(Map<String, Object> client, ReplayRequest request, TopicNames topics) {
    try {
      ResumingReplay.Outcome outcome = ResumingReplay.standard().run(request, r -> ReplayJob.run(client, r,
          ReplayClock.SYSTEM, new ConsoleProgress(System.err, System.console() != null, r.speed(), ReplayClock.SYSTEM),
          topics, StationTopics.DEFAULT_PARTITIONS));
      if (outcome == ResumingReplay.Outcome.GAVE_UP) {
        System.err.println("station demo: the replay keeps failing (the reason is above and on /api/replay); "
            + "stopping");
        new Thread(() -> System.exit(1), "demo-exit").start(); // the shutdown hook closes everything
      } else {
        System.out.println("Replay stopped.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
