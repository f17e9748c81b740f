package org.stationreplay.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./station}: the one entry point. {@code main} only parses and dispatches. */
@Command(name = "station", mixinStandardHelpOptions = true, version = "Station History Replay 0.1.0",
    description = "Replays the history of the International Space Station on Apache Kafka.",
    subcommands = {DemoCommand.class, BrokerCommand.class, ReplayCommand.class, StreamCommand.class,
        StateCommand.class, ValidateCommand.class, RebuildCommand.class, BenchCommand.class, WorkshopCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Options also come from environment variables (--http-port: STATION_HTTP_PORT) and from a "
        + "properties file (--config FILE, $STATION_CONFIG or ./station.properties; key http-port, or "
        + "stream.http-port for one command)."})
public final class StationCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
      description = "Properties file with option defaults.")
  java.nio.file.Path config;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * A learner checking a lab reads the check's verdict, not the broker's start-up chatter; errors still show. Set
   * before the first logger is made, and only where not already set (-D on the command line wins).
   */
  private static void quietLogs() {
    // Kafka's own errors are expected in the labs (lab 4 crashes an app on purpose): the check reports what matters.
    String[][] levels = {{"org.apache.kafka", "off"}, {"kafka", "off"}, {"state.change.logger", "off"},
        {"org.stationreplay", "error"}};
    for (String[] level : levels) {
      String key = "org.slf4j.simpleLogger.log." + level[0];
      if (System.getProperty(key) == null) {
        System.setProperty(key, level[1]);
      }
    }
  }

  static int run(String[] args) {
    if (args.length > 0 && args[0].equals("workshop")) {
      quietLogs();
    }
    CommandLine cli = new CommandLine(new StationCli());
    try {
      cli.setDefaultValueProvider(ConfigDefaults.from(args, System.getenv()));
    } catch (UncheckedIOException e) {
      cli.getErr().println("station: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    cli.setExecutionExceptionHandler(StationCli::report);
    return cli.execute(args);
  }

  /** A failure is one line with the cause, not a stack trace; STATION_DEBUG=1 shows the trace. */
  private static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println("station " + cmd.getCommandName() + ": error: " + message);
    if ("1".equals(System.getenv("STATION_DEBUG"))) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }
}
