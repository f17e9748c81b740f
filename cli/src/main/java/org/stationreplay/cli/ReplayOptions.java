package org.stationreplay.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.topics.StationTopics;
import picocli.CommandLine.Option;

/** What to replay: shared by {@code replay} and {@code demo}. */
final class ReplayOptions {
  @Option(names = "--speed", paramLabel = "F|max", defaultValue = "604800",
      converter = Converters.SpeedConverter.class,
      description = "Historical seconds per wall-clock second: 86400 = a day per second, 604800 = a week per "
          + "second (default), max = as fast as possible.")
  Speed speed;

  @Option(names = "--from", paramLabel = "DATE", converter = Converters.StartOfDay.class,
      description = "Start at this date (YYYY-MM-DD, UTC) or instant; earlier events are sent at once first.")
  Instant from;

  @Option(names = "--to", paramLabel = "DATE", converter = Converters.EndOfDay.class,
      description = "Stop after this date (inclusive) or instant.")
  Instant to;

  @Option(names = "--max-gap", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
      description = "Cap every wall-clock wait between two events (e.g. 2s, 500ms).")
  Duration maxGap;

  @Option(names = "--history", paramLabel = "FILE",
      description = "Replay this history file (same format as the bundled one) instead of the bundled history.")
  Path historyFile;

  @Option(names = {"--replay-id", "--station-id"}, paramLabel = "NAME", defaultValue = StationTopics.ISS,
      description = "Name of this replay: the record key of its events, state, controls and status, so that many "
          + "replays share the topics (default: ${DEFAULT-VALUE}). Dashboards pick a replay by this name.")
  String replayId;

  @Option(names = "--loop", description = "Start again from the beginning at the end.")
  boolean loop;

  @Option(names = "--resume", description = "Continue after the last event of this station's run already on the "
      + "topic (after a crash), instead of starting a new run.")
  boolean resume;

  ReplayRequest request(boolean exitWhenFinished) {
    History history = historyFile == null ? HistoryReader.bundled() : HistoryReader.read(historyFile);
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    return new ReplayRequest(history, speed, from, to, maxGap, replayId, loop, exitWhenFinished, resume);
  }
}
