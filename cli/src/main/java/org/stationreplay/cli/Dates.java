package org.stationreplay.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stationreplay.time.TimeArgs;

/** The date, instant and duration forms the command line accepts. */
final class Dates {
  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private Dates() {}

  /** A date means its first instant (for {@code --from}). */
  static Instant startOf(String text) {
    return TimeArgs.startOf(text);
  }

  /** A date means its last instant, 23:59:59.999Z (for {@code --to} and {@code --at}). */
  static Instant endOf(String text) {
    return TimeArgs.endOf(text);
  }

  /** {@code 500ms}, {@code 2s}, {@code 1.5m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT2S}). */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE_DURATION.matcher(t);
    try {
      if (m.matches()) {
        double n = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
          case "ms" -> n;
          case "s" -> n * 1e3;
          case "m" -> n * 60e3;
          case "h" -> n * 3600e3;
          default -> n * 86400e3;
        };
        return Duration.ofNanos(Math.round(millis * 1e6));
      }
      Duration d = Duration.parse(text.trim());
      if (d.isNegative()) {
        throw new DateTimeParseException("negative", text, 0);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("invalid duration '" + text + "': expected e.g. 500ms, 2s, 1m or PT2S");
    }
  }
}
