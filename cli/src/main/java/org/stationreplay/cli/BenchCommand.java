package org.stationreplay.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.stationreplay.bench.BenchConfig;
import org.stationreplay.bench.BenchmarkSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measure the replay, the fold, scheduling accuracy, end-to-end latency and the demo, each beside "
        + "Kafka's own baseline in the same run, on an embedded broker; write BENCHMARKS.md."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "A smaller log and shorter windows: under two minutes.")
  boolean quick;

  @Option(names = "--output", paramLabel = "FILE", defaultValue = "BENCHMARKS.md",
      description = "Where to write the report (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--notes", paramLabel = "FILE", defaultValue = "docs/benchmark-notes.md",
      description = "Markdown appended to the report when the file exists: profiles, before and after "
          + "(default: ${DEFAULT-VALUE}).")
  Path notes;

  @Override
  public Integer call() throws Exception {
    Path work = Files.createTempDirectory("station-bench-");
    String command = "./station bench" + (quick ? " --quick" : "");
    BenchConfig config = quick ? BenchConfig.quick(work, Path.of("cli", "target", "station.jar"), command)
        : BenchConfig.full(work, Path.of("cli", "target", "station.jar"), command);
    long start = System.nanoTime();
    var report = new BenchmarkSuite(config, step -> System.err.println("bench: " + step)).run();
    report.write(output, notes == null || !Files.isRegularFile(notes) ? null : Files.readString(notes));
    System.err.printf("bench: wrote %s in %.0f s%n", output, (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
