package org.stationreplay.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonErrors;
import org.stationreplay.time.TimeArgs;

/**
 * The one place where a replay command is read and checked for meaning, not only for shape: the HTTP API
 * ({@code POST /api/control}), the CLI ({@code --speed}) and the producer's reader of {@code station.control} (for
 * records that other clients wrote) all use it, so a command refused by one is refused by all, with the same
 * sentence.
 *
 * <p>The rules: a speed is {@code max} or a finite number of historical seconds per wall-clock second from
 * {@value #MIN_SPEED} (real time) to {@value #MAX_SPEED} (about 32 years a second: the whole history in under a
 * second; faster than that is what {@code max} is for). A seek goes to a date or an instant between 1 Jan 1998 and
 * 31 Dec 2099 (the producer then clamps it to its replay's own first and last event, which it alone knows). An error
 * is one sentence, naming the field.
 */
public final class ControlCommands {
  public static final double MIN_SPEED = 1;
  public static final double MAX_SPEED = 1e9;
  /** Outside this window a seek is a typo, whatever the replay: refused rather than silently clamped. */
  public static final Instant EARLIEST_SEEK = Instant.parse("1998-01-01T00:00:00Z");
  public static final Instant LATEST_SEEK = Instant.parse("2100-01-01T00:00:00Z");
  /** Longer bodies are not commands: refused before parsing. */
  public static final int MAX_LENGTH = 1024;

  private static final List<String> NAMES = List.of("pause", "resume", "speed", "seek", "restart", "loop");

  private ControlCommands() {}

  /** A command refused for what it says; the message is one sentence for people. */
  public static final class InvalidCommandException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidCommandException(String message) {
      super(message);
    }
  }

  /**
   * Reads a command as people and programs write it: {@code {"command":"speed","speed":86400}} (a number or a
   * string, or {@code "max"}), {@code {"command":"seek","to":"2009-07-17"}} (a date or an instant).
   *
   * @throws InvalidCommandException with one sentence saying what is wrong
   */
  public static ControlCommand read(String json) {
    if (json == null || json.isBlank()) {
      throw invalid("the body is empty: send a JSON object such as {\"command\":\"pause\"}");
    }
    if (json.length() > MAX_LENGTH) {
      throw invalid("the body is " + json.length() + " characters long: a command is a small JSON object of at most "
          + MAX_LENGTH);
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(json);
    } catch (IOException e) {
      throw invalid("the body is not JSON (" + parserProblem(e) + ")");
    }
    if (node == null || !node.isObject()) {
      throw invalid("a command is a JSON object such as {\"command\":\"pause\"}");
    }
    JsonNode name = node.get("command");
    if (name == null || !name.isTextual()) {
      throw invalid("\"command\" must be one of " + String.join(", ", NAMES));
    }
    String command = name.asText();
    ControlCommand result = switch (command) {
      case "pause" -> new ControlCommand.Pause();
      case "resume" -> new ControlCommand.Resume();
      case "restart" -> new ControlCommand.Restart();
      case "speed" -> new ControlCommand.ChangeSpeed(speedText(node.get("speed")));
      case "seek" -> new ControlCommand.Seek(seekTarget(node.get("to")));
      case "loop" -> new ControlCommand.SetLoop(loopFlag(node.get("enabled")));
      default -> throw invalid("unknown command '" + shorten(command) + "': use one of " + String.join(", ", NAMES));
    };
    Set<String> allowed = switch (command) {
      case "speed" -> Set.of("command", "speed");
      case "seek" -> Set.of("command", "to");
      case "loop" -> Set.of("command", "enabled");
      default -> Set.of("command");
    };
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!allowed.contains(field)) {
        throw invalid("'" + command + "' takes no field \"" + shorten(field) + "\""
            + (allowed.size() > 1 ? " (only " + String.join(", ", allowed.stream().filter(f -> !f.equals("command"))
                .sorted().toList()) + ")" : ""));
      }
    }
    return result;
  }

  /** Checks a command already in its canonical form (as read from {@code station.control}) for meaning. */
  public static ControlCommand check(ControlCommand command) {
    command.accept(new ControlCommand.Cases<Void>() {
      @Override
      public Void pause() {
        return null;
      }

      @Override
      public Void resume() {
        return null;
      }

      @Override
      public Void changeSpeed(String speed) {
        speedFactor(speed);
        return null;
      }

      @Override
      public Void seek(Instant to) {
        checkSeek(to);
        return null;
      }

      @Override
      public Void restart() {
        return null;
      }

      @Override
      public Void setLoop(boolean enabled) {
        return null;
      }
    });
    return command;
  }

  /**
   * The factor of a speed given as text: {@code max} is infinite, anything else a finite number in range.
   *
   * @throws InvalidCommandException when it is not
   */
  public static double speedFactor(String text) {
    String t = text == null ? "" : text.trim();
    if (t.equalsIgnoreCase("max")) {
      return Double.POSITIVE_INFINITY;
    }
    double f;
    try {
      f = t.isEmpty() || !t.matches("[+]?[0-9.eE+-]{1,32}") ? Double.NaN : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      f = Double.NaN;
    }
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      throw invalid("speed must be a number of historical seconds per second (86400 = a day a second) or \"max\"; "
          + "was '" + shorten(text) + "'");
    }
    if (f < MIN_SPEED || f > MAX_SPEED) {
      throw invalid("speed must be from " + format(MIN_SPEED) + " (real time) to " + format(MAX_SPEED)
          + " (about 32 years a second), or \"max\"; was " + shorten(t));
    }
    return f;
  }

  private static String speedText(JsonNode speed) {
    if (speed == null || speed.isNull()) {
      throw invalid("'speed' needs \"speed\": a number such as 86400 (a day a second), or \"max\"");
    }
    String text;
    if (speed.isNumber()) {
      text = speed.isIntegralNumber() ? speed.bigIntegerValue().toString() : String.valueOf(speed.doubleValue());
    } else if (speed.isTextual()) {
      text = speed.asText();
    } else {
      throw invalid("speed must be a number of historical seconds per second or \"max\"; was " + kind(speed));
    }
    double f = speedFactor(text);
    return Double.isInfinite(f) ? "max" : canonical(f);
  }

  private static Instant seekTarget(JsonNode to) {
    if (to == null || !to.isTextual()) {
      throw invalid("'seek' needs \"to\": a date such as \"2009-07-17\" or an instant such as "
          + "\"2009-07-17T12:00:00Z\"" + (to == null ? "" : "; was " + kind(to)));
    }
    Instant t;
    try {
      t = TimeArgs.startOf(to.asText());
    } catch (IllegalArgumentException e) {
      throw invalid("\"to\" must be a date such as \"2009-07-17\" or an instant such as \"2009-07-17T12:00:00Z\"; "
          + "was '" + shorten(to.asText()) + "'");
    }
    return checkSeek(t);
  }

  private static Instant checkSeek(Instant t) {
    if (t.isBefore(EARLIEST_SEEK) || !t.isBefore(LATEST_SEEK)) {
      throw invalid("a seek goes to a date in the station's history (the replay clamps it to its own first and "
          + "last event); " + t + " is outside 1998-2099");
    }
    return t;
  }

  private static boolean loopFlag(JsonNode enabled) {
    if (enabled == null || !enabled.isBoolean()) {
      throw invalid("'loop' needs \"enabled\": true or false" + (enabled == null ? "" : "; was " + kind(enabled)));
    }
    return enabled.booleanValue();
  }

  /** Jackson's complaint without its location dump: "Unexpected end-of-input: expected close marker for Object". */
  private static String parserProblem(IOException e) {
    String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
        : JsonErrors.describe(e);
    m = m == null ? "unreadable" : m.lines().findFirst().orElse("unreadable");
    int cut = m.indexOf(" (start marker");
    m = cut > 0 ? m.substring(0, cut) : m;
    return m.length() <= 120 ? m.replaceAll("\\p{Cntrl}", "?") : shorten(m);
  }

  /** The form the control log keeps: {@code 86400}, {@code 2.5}. */
  private static String canonical(double f) {
    return f == Math.rint(f) ? String.valueOf((long) f) : String.valueOf(f);
  }

  private static String format(double f) {
    return f >= 1e6 ? String.format(Locale.ROOT, "%.0e", f).replace("e+0", "e").replace("e+", "e") : canonical(f);
  }

  private static String kind(JsonNode n) {
    return n.isTextual() ? "'" + shorten(n.asText()) + "'" : n.getNodeType().name().toLowerCase(Locale.ROOT)
        + (n.isValueNode() ? " " + shorten(n.toString()) : "");
  }

  /** Echoes input back without echoing a megabyte of it, or control characters. */
  static String shorten(String s) {
    String clean = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= 60 ? clean : clean.substring(0, 60) + "...";
  }

  private static InvalidCommandException invalid(String message) {
    return new InvalidCommandException(message);
  }
}
