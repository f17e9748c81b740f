package org.stationreplay.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.stationreplay.json.Json;
import org.stationreplay.state.StationState;
import org.stationreplay.streams.StationStreamsApp;
import org.stationreplay.streams.StreamsReset;
import org.stationreplay.streams.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rebuild", mixinStandardHelpOptions = true,
    description = {"Throw away the Streams app's state (committed offsets, changelogs, local state) and refold the "
        + "whole event log from the first record; then compare with the state before. The Streams app must be "
        + "stopped."})
final class RebuildCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka;

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

  @Override
  public Integer call() throws Exception {
    Map<String, Object> client = kafka.clientConfig();
    BrokerWait.await(client, wait, System.err);
    Path dir = stateDir != null ? stateDir : StreamCommand.defaultStateDir();
    Map<String, StationState> before = LatestStates.read(client, kafka.topics().state());
    System.out.println("Before: " + summary(before));
    try (Admin admin = Admin.create(client)) {
      StreamsReset.reset(admin, applicationId, dir);
      System.out.println("Reset " + applicationId + ": offsets, changelogs and local state removed; refolding "
          + kafka.topics().events() + " from the start...");
      long start = System.nanoTime();
      try (StationStreamsApp app = StationStreamsApp.start(new StreamsSettings(applicationId, client, dir,
          StreamsSettings.DEFAULT_COMMIT_INTERVAL, kafka.topics(), kafka.partitions))) {
        app.awaitRunning(Duration.ofSeconds(120));
        StreamsReset.awaitCaughtUp(admin, applicationId, kafka.topics().events(), timeout);
        Map<String, StationState> after = new LinkedHashMap<>();
        for (String station : before.keySet()) {
          app.state(station).ifPresent(s -> after.put(station, s));
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
      return "no station state on the topic";
    }
    StringBuilder b = new StringBuilder();
    states.forEach((k, s) -> b.append(String.format("%s: %d events, as of %s, %d aboard, %d modules; ", k,
        s.eventsApplied(), s.asOf(), s.peopleAboard(), s.moduleCount())));
    return b.toString();
  }
}
