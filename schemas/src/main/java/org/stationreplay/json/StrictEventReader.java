package org.stationreplay.json;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.stationreplay.events.ClockTicked;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.CrewMember;
import org.stationreplay.events.ElementAttached;
import org.stationreplay.events.ElementDetached;
import org.stationreplay.events.ElementRelocated;
import org.stationreplay.events.EventType;
import org.stationreplay.events.ExpeditionStarted;
import org.stationreplay.events.MilestoneReached;
import org.stationreplay.events.ReplayStarted;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.events.StationEvent;
import org.stationreplay.events.VehicleArrived;
import org.stationreplay.events.VehicleDeparted;
import org.stationreplay.events.VehicleRelocated;

/**
 * The fast way in for the common case, a document of its type's current version: read straight into its record by
 * {@link EventParser}, which accepts nothing the JSON Schema would refuse (no unknown field, no null, no coercion
 * between strings, numbers and booleans, instants and durations in exactly the schema's forms), and then checked for
 * what a record does not check itself (lengths, patterns). It answers only "certainly valid, here is the event" or "not sure":
 * anything it does not accept goes the full way ({@link EventCodec}), which validates against the schema and
 * explains the problem. Binding a document this way is a few microseconds; validating it against the schema is most
 * of the cost of reading an event. {@code StrictEventReaderTest} checks, over every field of every type mutated in
 * every way that matters, that whatever this accepts the schema accepts too and reads the same.
 */
final class StrictEventReader {
  private static final Pattern DURATION =
      Pattern.compile("P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,9})?S)?)?");
  private static final int NAME_MAX = 200;
  private static final List<String> REPLAY_REASONS = List.of("start", "restart", "loop", "seek");

  private StrictEventReader() {}

  /** The event, if the document is certainly a valid current-version one; null if it needs the full way. */
  static StationEvent tryRead(byte[] json) {
    StationEvent event = EventParser.parse(json);
    return event != null && event.schemaVersion() == EventType.of(event).currentVersion() && valid(event)
        ? event : null;
  }

  /** The schema's duration form. */
  static boolean isDuration(String s) {
    return DURATION.matcher(s).matches();
  }

  /** What the records do not check: the schema's lengths and patterns. */
  private static boolean valid(StationEvent e) {
    if (e.id().length() > NAME_MAX || !name(e.source().title()) || !isUrl(e.source().url())) {
      return false;
    }
    return e.accept(new StationEvent.Cases<Boolean>() {
      @Override public Boolean elementAttached(ElementAttached x) { return name(x.element()); }
      @Override public Boolean elementDetached(ElementDetached x) { return name(x.element()); }
      @Override public Boolean elementRelocated(ElementRelocated x) { return name(x.element()) && name(x.to()); }
      @Override public Boolean crewArrived(CrewArrived x) {
        return name(x.vehicle()) && x.crew().stream().map(CrewMember::name).allMatch(StrictEventReader::name);
      }
      @Override public Boolean crewDeparted(CrewDeparted x) { return name(x.vehicle()) && names(x.crew()); }
      @Override public Boolean expeditionStarted(ExpeditionStarted x) {
        return x.commander() == null || name(x.commander());
      }
      @Override public Boolean vehicleArrived(VehicleArrived x) { return name(x.vehicle()); }
      @Override public Boolean vehicleDeparted(VehicleDeparted x) { return name(x.vehicle()); }
      @Override public Boolean vehicleRelocated(VehicleRelocated x) { return name(x.vehicle()) && name(x.to()); }
      @Override public Boolean spacewalkPerformed(SpacewalkPerformed x) { return names(x.crew()); }
      @Override public Boolean milestoneReached(MilestoneReached x) {
        return name(x.title()) && !x.caption().isBlank() && x.caption().length() <= 2000;
      }
      @Override public Boolean replayStarted(ReplayStarted x) { return REPLAY_REASONS.contains(x.reason()); }
      @Override public Boolean clockTicked(ClockTicked x) { return !x.run().isEmpty(); }
    });
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SS[.fraction of 1 to 9 digits]Z}, as the schema's pattern and format (checked by hand:
   * this runs for every event, and a regular expression costs more than the rest of the check).
   */
  static boolean isInstant(String s) {
    int n = s.length();
    if (n < 17 || s.charAt(n - 1) != 'Z' || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7)
        || s.charAt(7) != '-' || !digits(s, 8, 10) || s.charAt(10) != 'T' || !digits(s, 11, 13)
        || s.charAt(13) != ':' || !digits(s, 14, 16)) {
      return false;
    }
    // Hours 00-23, minutes and seconds 00-59, seconds present: java.time reads T24:00 and a leap second, the
    // schema's pattern allows no seconds, and RFC 3339's date-time (its format) reads neither the first nor the
    // last; all of them go the full way.
    if (number(s, 11) > 23 || number(s, 14) > 59 || n < 20 || s.charAt(16) != ':' || !digits(s, 17, 19)
        || number(s, 17) > 59) {
      return false;
    }
    if (n == 20) {
      return true;
    }
    int fraction = n - 1 - 20;
    return s.charAt(19) == '.' && fraction >= 1 && fraction <= 9 && digits(s, 20, n - 1);
  }

  /**
   * An instant already checked by {@link #isInstant}, read by hand: {@code Instant.parse} goes through a general
   * formatter, a tenth of the cost of reading a whole event. An impossible date (30 February) still throws.
   */
  static Instant parseInstant(String s) {
    int year = number(s, 0) * 100 + number(s, 2);
    int seconds = number(s, 17);
    int nanos = 0;
    if (s.length() > 21) {
      String fraction = s.substring(20, s.length() - 1);
      nanos = Integer.parseInt(fraction) * (int) Math.pow(10, 9 - fraction.length());
    }
    return java.time.LocalDateTime.of(year, number(s, 5), number(s, 8), number(s, 11), number(s, 14), seconds, nanos)
        .toInstant(java.time.ZoneOffset.UTC);
  }

  private static int number(String s, int at) {
    return (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0';
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code ^(https?://|urn:)\S+$}. */
  static boolean isUrl(String s) {
    int start = s.startsWith("https://") ? 8 : s.startsWith("http://") ? 7 : s.startsWith("urn:") ? 4 : -1;
    if (start < 0 || start == s.length()) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  /** The schema's name: 1 to 200 characters, not all blank. */
  private static boolean name(String s) {
    return s != null && !s.isBlank() && s.length() <= NAME_MAX;
  }

  private static boolean names(List<String> list) {
    return list.stream().allMatch(StrictEventReader::name);
  }
}
