package org.stationreplay.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.stationreplay.streams.StationService;
import org.stationreplay.streams.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stream", mixinStandardHelpOptions = true,
    description = "Fold station.events into every projection (exactly-once) and serve the dashboard and its API.")
final class StreamCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka;
  @Mixin StreamOptions stream;

  @Option(names = "--application-id", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
      description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
  String applicationId;

  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      description = "How long to wait for a broker that is not up yet (default: ${DEFAULT-VALUE}).")
  Duration wait;

  static Path defaultStateDir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "station-streams");
  }

  @Override
  public Integer call() throws Exception {
    StationService.requireControlToken(stream.httpHost, stream.controlToken);
    String applicationServer = stream.applicationServer();
    BrokerWait.await(kafka.clientConfig(), wait, System.err);
    Path stateDir = stream.stateDirOr(defaultStateDir());
    StationService service = StationService.start(new StreamsSettings(applicationId, kafka.clientConfig(),
        stateDir, stream.commitInterval, kafka.topics(), kafka.partitions)
        .scaledOut(applicationServer, stream.standbyReplicas).withStreamThreads(stream.streamThreads), stream.httpHost,
        stream.httpPort,
        stream.controlToken, Duration.ofSeconds(120));
    String base = "http://" + stream.httpHost + ":" + service.httpPort();
    System.out.println("Dashboard at " + base + "/  (API " + base + "/api/state, Prometheus metrics " + base
        + "/metrics; Ctrl-C to stop)");
    System.out.flush();
    Shutdown.awaitSignal(List.of(service));
    return 0;
  }
}
