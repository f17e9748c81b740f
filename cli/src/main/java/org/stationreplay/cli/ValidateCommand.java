package org.stationreplay.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.stationreplay.events.StationEvent;
import org.stationreplay.history.HistoryReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a history file (default: the bundled one); print every problem as file:line: message.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "FILE", description = "History file (JSON Lines).")
  Path file;

  @Override
  public Integer call() {
    HistoryReader.Report report = file == null
        ? HistoryReader.check(HistoryReader.BUNDLED_RESOURCE,
            HistoryReader.class.getClassLoader().getResourceAsStream(HistoryReader.BUNDLED_RESOURCE))
        : HistoryReader.check(file);
    String name = file == null ? HistoryReader.BUNDLED_RESOURCE : file.toString();
    if (!report.isValid()) {
      report.problems().forEach(p -> System.out.println(p));
      System.out.println(name + ": " + report.problems().size() + " problem(s); "
          + report.history().size() + " event(s) are fine");
      return 1;
    }
    Map<String, Long> byType = report.history().events().stream()
        .collect(Collectors.groupingBy(StationEvent::type, TreeMap::new, Collectors.counting()));
    System.out.println(name + ": OK, " + report.history().size() + " events from " + report.history().firstTime()
        + " to " + report.history().lastTime());
    byType.forEach((type, n) -> System.out.printf("  %-20s %5d%n", type, n));
    return 0;
  }

}
