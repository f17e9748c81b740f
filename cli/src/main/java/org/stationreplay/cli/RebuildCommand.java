package org.stationreplay.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.stationreplay.json.Json;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projections.Composite;
import org.stationreplay.projections.Projections;
import org.stationreplay.state.StationState;
import org.stationreplay.streams.ProjectionRebuild;
import org.stationreplay.streams.ProjectionTopics;
import org.stationreplay.streams.StationStreamsApp;
import org.stationreplay.streams.StreamsReset;
import org.stationreplay.streams.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rebuild", mixinStandardHelpOptions = true,
    description = {"Refold from the event log.",
        "With --projection NAME: that projection alone, while the Streams app runs (or, if none runs, in a Streams "
            + "app started for it): the others and the app's offsets are left as they are. Prints how its values "
            + "compare with those before.",
        "Without: everything. The Streams app must be stopped; its committed offsets, changelogs and local state are "
            + "thrown away, the whole log is refolded from the first record, and the result is compared with the "
            + "state before (exit 1 if it differs)."})
final class RebuildCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka;
  @Spec CommandSpec spec;

  @Option(names = "--projection", paramLabel = "NAME",
      description = "Rebuild this projection only (one of: ${COMPLETION-CANDIDATES}).",
      completionCandidates = ProjectionNames.class)
  String projection;

  @Option(names = "--application-id", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
      description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
  String applicationId;

  @Option(names = "--state-dir", paramLabel = "DIR",
      description = "The Streams app's state directory (default: as ./station stream uses).")
  Path stateDir;

  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      description = "How long to wait for a broker that is not up yet (default: ${DEFAULT-VALUE}).")
  Duration wait;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
      converter = Converters.DurationConverter.class,
      description = "How long the refold may take (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  /** The projection names, for the usage text. */
  static final class ProjectionNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Projections.ALL.stream().map(p -> p.name()).iterator();
    }
  }

  @Override
  public Integer call() throws Exception {
    ProjectionEngine engine = Projections.engine();
    if (projection != null && engine.indexOf(projection) < 0) {
      throw new ParameterException(spec.commandLine(), "no projection '" + projection + "'; the projections are: "
          + String.join(", ", new ProjectionNames()));
    }
    Map<String, Object> client = kafka.clientConfig();
    BrokerWait.await(client, wait, System.err);
    Path dir = stateDir != null ? stateDir : StreamCommand.defaultStateDir();
    return projection == null ? rebuildAll(client, dir, engine) : rebuildOne(client, dir, engine);
  }

  private int rebuildOne(Map<String, Object> client, Path dir, ProjectionEngine engine) throws Exception {
    int index = engine.indexOf(projection);
    Map<String, Object> before = ProjectionTopics.latest(client, kafka.topics(), engine, index);
    System.out.println("Before: " + projection + " holds a value for " + before.size() + " replay(s)");
    boolean running;
    try (Admin admin = Admin.create(client)) {
      running = StreamsReset.isRunning(admin, applicationId);
    }
    long request = ProjectionRebuild.request(client, kafka.topics(), projection);
    System.out.println("Asked " + applicationId + " to rebuild '" + projection + "' from the log (request "
        + kafka.topics().rebuilds() + "@" + request + ")" + (running ? "" : "; no instance runs: starting one"));
    long start = System.nanoTime();
    ProjectionRebuild.Progress done;
    if (running) {
      done = ProjectionRebuild.await(client, kafka.topics(), projection, request, timeout);
    } else {
      try (StationStreamsApp app = StationStreamsApp.start(new StreamsSettings(applicationId, client, dir,
          StreamsSettings.DEFAULT_COMMIT_INTERVAL, kafka.topics(), kafka.partitions), engine)) {
        app.awaitRunning(Duration.ofSeconds(120));
        done = ProjectionRebuild.await(client, kafka.topics(), projection, request, timeout);
      }
    }
    Map<String, Object> after = ProjectionTopics.latest(client, kafka.topics(), engine, index);
    System.out.printf("Rebuilt '%s' in %.1f s over %d partition(s), %d replay(s) refolded.%n", projection,
        (System.nanoTime() - start) / 1e9, done.expected(), done.rebuilt());
    int differing = 0;
    for (String replay : after.keySet()) {
      if (!Objects.equals(before.get(replay), after.get(replay))) {
        differing++;
        System.out.println(replay + " before: " + Json.write(before.get(replay)));
        System.out.println(replay + " after:  " + Json.write(after.get(replay)));
      }
    }
    System.out.println(differing == 0 ? "Every value is as it was before."
        : differing + " replay(s) changed (a projection's code that changed gives new values: that is a rebuild's "
            + "point).");
    return 0;
  }

  private int rebuildAll(Map<String, Object> client, Path dir, ProjectionEngine engine) throws Exception {
    Map<String, StationState> before = ProjectionTopics.latestStates(client, kafka.topics(), engine);
    System.out.println("Before: " + summary(before));
    try (Admin admin = Admin.create(client)) {
      StreamsReset.reset(admin, applicationId, dir);
      System.out.println("Reset " + applicationId + ": offsets, changelogs and local state removed; refolding "
          + kafka.topics().events() + " from the start...");
      long start = System.nanoTime();
      try (StationStreamsApp app = StationStreamsApp.start(new StreamsSettings(applicationId, client, dir,
          StreamsSettings.DEFAULT_COMMIT_INTERVAL, kafka.topics(), kafka.partitions), engine)) {
        app.awaitRunning(Duration.ofSeconds(120));
        StreamsReset.awaitCaughtUp(admin, applicationId, kafka.topics().events(), timeout);
        Map<String, StationState> after = new LinkedHashMap<>();
        for (String replay : before.keySet()) {
          app.snapshot(replay).ifPresent(s -> after.put(replay, Composite.state(engine, s)));
        }
        System.out.printf("Refolded in %.1f s. After: %s%n", (System.nanoTime() - start) / 1e9, summary(after));
        boolean same = before.keySet().stream().allMatch(k -> Objects.equals(before.get(k), after.get(k)));
        if (!same) {
          for (String k : before.keySet()) {
            if (!Objects.equals(before.get(k), after.get(k))) {
              System.out.println(k + " before: " + Json.write(before.get(k)));
              System.out.println(k + " after:  " + Json.write(after.get(k)));
            }
          }
        }
        System.out.println(same ? "Rebuilt state is identical to the state before." : "Rebuilt state DIFFERS.");
        return same ? 0 : 1;
      }
    }
  }

  private static String summary(Map<String, StationState> states) {
    if (states.isEmpty()) {
      return "no replay has a state on the topics";
    }
    StringBuilder b = new StringBuilder();
    states.forEach((k, s) -> b.append(String.format("%s: %d events, as of %s, %d aboard, %d modules; ", k,
        s.eventsApplied(), s.asOf(), s.peopleAboard(), s.moduleCount())));
    return b.toString();
  }
}
