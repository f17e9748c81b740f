package org.stationreplay.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The date forms people type: {@code 2000-11-02} (a UTC day) or an ISO-8601 instant. */
public final class TimeArgs {
  private TimeArgs() {}

  /** A date means its first instant (for {@code --from} and seeking). */
  public static Instant startOf(String text) {
    return parse(text, false);
  }

  /** A date means its last instant, 23:59:59.999Z (for {@code --to}, {@code --at} and time travel). */
  public static Instant endOf(String text) {
    return parse(text, true);
  }

  private static Instant parse(String text, boolean endOfDay) {
    String t = text == null ? "" : text.trim();
    try {
      if (t.length() == 10) {
        LocalDate d = LocalDate.parse(t);
        return endOfDay
            ? d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
            : d.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      String shown = t.length() > 40 ? t.substring(0, 40) + "..." : t; // no echo of a kilobyte of input
      throw new IllegalArgumentException("invalid date '" + shown
          + "': expected YYYY-MM-DD or a UTC instant such as 2000-11-02T09:21:00Z");
    }
  }
}
