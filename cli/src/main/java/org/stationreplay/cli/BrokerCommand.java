package org.stationreplay.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "broker", mixinStandardHelpOptions = true,
    description = "Run a real single-node Kafka broker (KRaft) in this process until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "9092", description = "Client port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Keep the log here across restarts (default: a temporary directory, deleted on exit).")
  Path dataDir;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--advertised-host", paramLabel = "HOST",
      description = "Serve other machines (one broker for a classroom, workshop/README.md): listen on every "
          + "interface and tell clients to connect to HOST (this machine's name or address on the room's network). "
          + "Without it only this machine can connect.")
  String advertisedHost;

  @Override
  public Integer call() throws Exception {
    if (advertisedHost != null && !advertisedHost.matches("[A-Za-z0-9][A-Za-z0-9.-]*")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--advertised-host must be a host name or an IPv4 address, was '" + advertisedHost + "'");
    }
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, dataDir, Map.of(), advertisedHost);
    System.out.println("Kafka broker running at " + broker.bootstrapServers() + "  (Ctrl-C to stop)");
    System.out.flush();
    Shutdown.awaitSignal(List.of(broker));
    return 0;
  }
}
