package org.stationreplay.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.Json;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Composite;
import org.stationreplay.projections.Projections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "state", mixinStandardHelpOptions = true,
    description = "Print the station's state at a date, folded offline from the history (no Kafka needed): the "
        + "document GET /api/state serves, or one projection's value.")
final class StateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--at", paramLabel = "DATE|INSTANT", converter = Converters.EndOfDay.class,
      description = "A date (YYYY-MM-DD, meaning the end of that UTC day) or a UTC instant. Default: the end of "
          + "the history.")
  Instant at;

  @Option(names = "--history", paramLabel = "FILE", description = "Fold this history file instead of the bundled one.")
  Path historyFile;

  @Option(names = "--projection", paramLabel = "NAME",
      description = "Print this projection's value only (one of: ${COMPLETION-CANDIDATES}).",
      completionCandidates = RebuildCommand.ProjectionNames.class)
  String projection;

  @Override
  public Integer call() {
    ProjectionEngine engine = Projections.engine();
    if (projection != null && engine.indexOf(projection) < 0) {
      throw new ParameterException(spec.commandLine(), "no projection '" + projection + "'; the projections are: "
          + String.join(", ", new RebuildCommand.ProjectionNames()));
    }
    History history = historyFile == null ? HistoryReader.bundled() : HistoryReader.read(historyFile);
    Snapshot snapshot = at == null ? engine.fold(history.events()) : engine.foldUntil(history.events(), at);
    System.out.println(projection == null ? Json.writePretty(Composite.json(engine, snapshot))
        : Json.writePretty(snapshot.value(engine.indexOf(projection))));
    return 0;
  }
}
