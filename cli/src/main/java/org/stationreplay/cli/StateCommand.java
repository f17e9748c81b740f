package org.stationreplay.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.stationreplay.fold.StationFold;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.Json;
import org.stationreplay.state.StationState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "state", mixinStandardHelpOptions = true,
    description = "Print the station's state at a date, folded offline from the history (no Kafka needed).")
final class StateCommand implements Callable<Integer> {
  @Option(names = "--at", paramLabel = "DATE|INSTANT", converter = Converters.EndOfDay.class,
      description = "A date (YYYY-MM-DD, meaning the end of that UTC day) or a UTC instant. Default: the end of "
          + "the history.")
  Instant at;

  @Option(names = "--history", paramLabel = "FILE", description = "Fold this history file instead of the bundled one.")
  Path historyFile;

  @Override
  public Integer call() {
    History history = historyFile == null ? HistoryReader.bundled() : HistoryReader.read(historyFile);
    StationState state = at == null
        ? StationFold.foldAll(history.events())
        : StationFold.foldUntil(history.events(), at);
    System.out.println(Json.writePretty(state));
    return 0;
  }
}
