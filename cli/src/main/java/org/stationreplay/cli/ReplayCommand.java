package org.stationreplay.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stationreplay.producer.ConsoleProgress;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay the history onto topic station.events in accelerated time.")
final class ReplayCommand implements Callable<Integer> {
  @Mixin KafkaOptions kafka;
  @Mixin ReplayOptions replay;

  @Option(names = "--stay", description = "After the last event, keep taking commands (restart, seek) until "
      + "Ctrl-C instead of exiting.")
  boolean stay;

  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s",
      converter = Converters.DurationConverter.class,
      description = "How long to wait for a broker that is not up yet (default: ${DEFAULT-VALUE}).")
  Duration wait;

  @Override
  public Integer call() throws Exception {
    ReplayRequest request = replay.request(!stay && !replay.loop);
    Map<String, Object> client = kafka.clientConfig();
    BrokerWait.await(client, wait, System.err);
    Thread main = Thread.currentThread();
    Thread hook = new Thread(() -> {
      main.interrupt(); // stop waiting; what was sent stays sent
      try {
        main.join(10_000);
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    }, "replay-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ReplayJob.run(client, request, ReplayClock.SYSTEM,
          new ConsoleProgress(System.err, System.console() != null, request.speed(), ReplayClock.SYSTEM),
          kafka.topics(), kafka.partitions);
      Runtime.getRuntime().removeShutdownHook(hook);
      return 0;
    } catch (InterruptedException e) {
      System.err.println();
      System.err.println("replay stopped");
      return 130;
    }
  }
}
