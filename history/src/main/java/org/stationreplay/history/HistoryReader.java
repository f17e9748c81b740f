package org.stationreplay.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projection.Outcome;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Composite;
import org.stationreplay.projections.Projections;
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.InvalidEventException;
import org.stationreplay.json.Json;
import org.stationreplay.state.StationState;

/**
 * Reads a history file (JSON Lines, one event a line) and checks every line: JSON syntax, the schema of the
 * event's type and version, unique ids, times in order, and that the station's rules admit it (and no projection fails on it). A bad line is reported with
 * {@code file:line} and skipped; the rest of the file is still checked, so one run lists every problem. Lines are
 * read through {@link EventCodec}, so a file may mix versions of a type: older ones are upcast to the current
 * shape before the fold sees them.
 */
public final class HistoryReader {
  /** Classpath location of the curated ISS history. */
  public static final String BUNDLED_RESOURCE = "history/iss-history.jsonl";

  private HistoryReader() {}

  /** The curated history shipped in the jar. */
  public static History bundled() {
    InputStream in = HistoryReader.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("bundled history " + BUNDLED_RESOURCE + " is missing from the classpath");
    }
    return requireValid(check(BUNDLED_RESOURCE, in));
  }

  /** A history file of the user's, in the same format. */
  public static History read(Path file) {
    return requireValid(check(file));
  }

  public static Report check(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return check(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("history file not found: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read history file " + file + ": " + e.getMessage(), e);
    }
  }

  public static Report check(String name, InputStream in) {
    List<Problem> problems = new ArrayList<>();
    List<HistoryLine> accepted = new ArrayList<>();
    Map<String, Integer> firstLineOfId = new HashMap<>();
    ProjectionEngine engine = Projections.engine();
    Snapshot state = engine.empty();
    Instant previousTime = null;
    int previousLine = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String text;
      int line = 0;
      while ((text = reader.readLine()) != null) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        StationEvent event = parse(name, line, text, problems);
        if (event == null) {
          continue;
        }
        Integer first = firstLineOfId.putIfAbsent(event.id(), line);
        if (first != null) {
          problems.add(new Problem(name, line, "duplicate id '" + event.id() + "' (first used on line " + first
              + ")"));
          continue;
        }
        if (previousTime != null && event.time().isBefore(previousTime)) {
          problems.add(new Problem(name, line, "events are not sorted by time: " + event.time()
              + " is earlier than " + previousTime + " on line " + previousLine));
          continue;
        }
        Outcome outcome = engine.apply(state, event);
        if (outcome.kind() == Outcome.Kind.REJECTED) {
          problems.add(new Problem(name, line, event.type() + " '" + event.id() + "' rejected: " + outcome.reason()));
          continue;
        }
        for (Outcome.Failure f : outcome.failures()) {
          problems.add(new Problem(name, line, "projection '" + f.projection() + "' failed on " + event.type() + " '"
              + event.id() + "': " + f.error()));
        }
        state = outcome.snapshot();
        previousTime = event.time();
        previousLine = line;
        accepted.add(new HistoryLine(line, event));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read history " + name + ": " + e.getMessage(), e);
    }
    return new Report(new History(name, accepted), problems, Composite.state(engine, state));
  }

  private static StationEvent parse(String name, int line, String text, List<Problem> problems) {
    try {
      return EventCodec.read(text);
    } catch (InvalidEventException e) {
      String message = e.getMessage();
      if (e.stage() == InvalidEventException.Stage.SCHEMA) {
        String id = idOf(text);
        message = "event '" + id + "' does not match its schema: " + String.join("; ", e.problems());
      }
      problems.add(new Problem(name, line, message));
      return null;
    }
  }

  private static String idOf(String text) {
    try {
      return Json.mapper().readTree(text).path("id").asText("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static History requireValid(Report report) {
    if (!report.problems().isEmpty()) {
      throw new InvalidHistoryException(report.problems());
    }
    return report.history();
  }

  /**
   * The outcome of checking a file.
   *
   * @param history the lines that passed every check
   * @param finalState the fold of those lines
   */
  public record Report(History history, List<Problem> problems, StationState finalState) {
    public Report {
      problems = List.copyOf(problems);
    }

    public boolean isValid() {
      return problems.isEmpty();
    }
  }
}
