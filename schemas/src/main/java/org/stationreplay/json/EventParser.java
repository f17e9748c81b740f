package org.stationreplay.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.stationreplay.events.Agency;
import org.stationreplay.events.BerthingMode;
import org.stationreplay.events.ClockTicked;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.CrewMember;
import org.stationreplay.events.ElementAttached;
import org.stationreplay.events.ElementDetached;
import org.stationreplay.events.ElementKind;
import org.stationreplay.events.ElementRelocated;
import org.stationreplay.events.EventType;
import org.stationreplay.events.ExpeditionStarted;
import org.stationreplay.events.MilestoneReached;
import org.stationreplay.events.ReplayStarted;
import org.stationreplay.events.Role;
import org.stationreplay.events.Source;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.events.StationEvent;
import org.stationreplay.events.TimePrecision;
import org.stationreplay.events.VehicleArrived;
import org.stationreplay.events.VehicleDeparted;
import org.stationreplay.events.VehicleRelocated;
import org.stationreplay.events.VehicleType;

/**
 * Reads an event document of its type's current version straight from the token stream into its record: a few
 * fields in a known set, so a hand-written reader is twice as fast as data binding through record creators. It
 * accepts only what is certainly of the schema's shape (every field of the type and no other, each of its JSON
 * kind, no null); anything else returns null and goes the full way. The record constructors and
 * {@link StrictEventReader}'s checks do the rest.
 */
final class EventParser {
  private static final JsonFactory FACTORY = new JsonFactory();

  private EventParser() {}

  /** The fields of every type, read whatever the type; which ones a type may have is checked at the end. */
  private static final class Fields {
    String type;
    String id;
    String time;
    int schemaVersion = -1;
    Source source;
    String precision;
    String notes;
    String element;
    String kind;
    String agency;
    String location;
    String flight;
    String reason;
    String from;
    String to;
    String vehicle;
    List<CrewMember> members;
    List<String> names;
    int expedition = -1;
    String commander;
    String vehicleType;
    String mode;
    String port;
    String duration;
    String designation;
    String airlock;
    String purpose;
    String title;
    String caption;
    String run;
    long seen;
  }

  private static final String[] NAMES = {"type", "id", "time", "schemaVersion", "source", "precision", "notes",
      "element", "kind", "agency", "location", "flight", "reason", "from", "to", "vehicle", "crew", "expedition",
      "commander", "vehicleType", "mode", "port", "duration", "designation", "airlock", "purpose", "title", "caption",
      "run"};

  private static final java.util.Map<String, Long> BITS = bitMap();

  private static java.util.Map<String, Long> bitMap() {
    java.util.Map<String, Long> m = new java.util.HashMap<>();
    for (int i = 0; i < NAMES.length; i++) {
      m.put(NAMES[i], 1L << i);
    }
    return java.util.Map.copyOf(m);
  }

  /** The envelope's fields, and each type's own. */
  private static final long ENVELOPE = bits("type", "id", "time", "schemaVersion", "source", "precision", "notes");
  private static final long REQUIRED_ENVELOPE = bits("type", "id", "time", "schemaVersion", "source");
  private static final long ATTACHED_FIELDS = bits("element", "kind", "agency", "location", "flight");
  private static final long DETACHED_FIELDS = bits("element", "reason");
  private static final long RELOCATED_FIELDS = bits("element", "from", "to");
  private static final long CREW_MOVED_FIELDS = bits("vehicle", "crew");
  private static final long EXPEDITION_FIELDS = bits("expedition", "commander");
  private static final long VEHICLE_ARRIVED_FIELDS = bits("vehicle", "vehicleType", "mode", "port", "agency");
  private static final long VEHICLE_DEPARTED_FIELDS = bits("vehicle");
  private static final long VEHICLE_RELOCATED_FIELDS = bits("vehicle", "from", "to");
  private static final long SPACEWALK_FIELDS = bits("crew", "duration", "designation", "airlock", "purpose");
  private static final long MILESTONE_FIELDS = bits("title", "caption");
  private static final long REPLAY_STARTED_FIELDS = bits("reason");
  private static final long CLOCK_TICKED_FIELDS = bits("run");
  private static final long EXPEDITION_NUMBER = bits("expedition");

  private static long bit(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(name)) {
        return 1L << i;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static long bits(String... names) {
    long b = 0;
    for (String n : names) {
      b |= bit(n);
    }
    return b;
  }

  /** The event, or null when the document is not certainly a valid current-version one. */
  static StationEvent parse(byte[] json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      Fields f = new Fields();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (!read(p, name, v, f)) {
          return null;
        }
      }
      if (t != JsonToken.END_OBJECT) {
        return null;
      }
      return build(f);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean read(JsonParser p, String name, JsonToken v, Fields f) throws IOException {
    switch (name) {
      case "type" -> f.type = text(p, v);
      case "id" -> f.id = text(p, v);
      case "time" -> f.time = text(p, v);
      case "schemaVersion" -> f.schemaVersion = integer(p, v);
      case "source" -> f.source = source(p, v);
      case "precision" -> f.precision = text(p, v);
      case "notes" -> f.notes = text(p, v);
      case "element" -> f.element = text(p, v);
      case "kind" -> f.kind = text(p, v);
      case "agency" -> f.agency = text(p, v);
      case "location" -> f.location = text(p, v);
      case "flight" -> f.flight = text(p, v);
      case "reason" -> f.reason = text(p, v);
      case "from" -> f.from = text(p, v);
      case "to" -> f.to = text(p, v);
      case "vehicle" -> f.vehicle = text(p, v);
      case "crew" -> {
        if (!crew(p, v, f)) {
          return false;
        }
      }
      case "expedition" -> f.expedition = integer(p, v);
      case "commander" -> f.commander = text(p, v);
      case "vehicleType" -> f.vehicleType = text(p, v);
      case "mode" -> f.mode = text(p, v);
      case "port" -> f.port = text(p, v);
      case "duration" -> f.duration = text(p, v);
      case "designation" -> f.designation = text(p, v);
      case "airlock" -> f.airlock = text(p, v);
      case "purpose" -> f.purpose = text(p, v);
      case "title" -> f.title = text(p, v);
      case "caption" -> f.caption = text(p, v);
      case "run" -> f.run = text(p, v);
      default -> {
        return false;
      }
    }
    f.seen |= BITS.get(name);
    return true;
  }

  /** A string, or an exception (caught by {@link #parse}) for any other kind of value. */
  private static String text(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.VALUE_STRING) {
      throw new IllegalStateException("not a string");
    }
    return p.getText();
  }

  private static int integer(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
      throw new IllegalStateException("not an int");
    }
    return p.getIntValue();
  }

  private static Source source(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      throw new IllegalStateException("not an object");
    }
    String title = null;
    String url = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "title" -> title = text(p, value);
        case "url" -> url = text(p, value);
        default -> throw new IllegalStateException("unknown field of source");
      }
    }
    return new Source(title, url);
  }

  /** {@code crew}: members (objects) for arrivals, names (strings) for the other types; an empty array is neither. */
  private static boolean crew(JsonParser p, JsonToken v, Fields f) throws IOException {
    if (v != JsonToken.START_ARRAY) {
      return false;
    }
    List<CrewMember> members = new ArrayList<>();
    List<String> names = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.VALUE_STRING) {
        names.add(p.getText());
      } else if (t == JsonToken.START_OBJECT) {
        members.add(member(p));
      } else {
        return false;
      }
    }
    if (!members.isEmpty() && !names.isEmpty()) {
      return false;
    }
    f.members = members.isEmpty() ? null : members;
    f.names = names.isEmpty() ? null : names;
    return true;
  }

  private static CrewMember member(JsonParser p) throws IOException {
    String name = null;
    String agency = null;
    String role = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "name" -> name = text(p, value);
        case "agency" -> agency = text(p, value);
        case "role" -> role = text(p, value);
        default -> throw new IllegalStateException("unknown field of a crew member");
      }
    }
    return new CrewMember(name, Enum.valueOf(Agency.class, agency), role(role));
  }

  private static Role role(String s) {
    return switch (s) {
      case "expedition" -> Role.EXPEDITION;
      case "visitor" -> Role.VISITOR;
      default -> throw new IllegalStateException("unknown role");
    };
  }

  private static TimePrecision precision(String s) {
    if (s == null) {
      return null;
    }
    return switch (s) {
      case "second" -> TimePrecision.SECOND;
      case "minute" -> TimePrecision.MINUTE;
      case "hour" -> TimePrecision.HOUR;
      case "day" -> TimePrecision.DAY;
      default -> throw new IllegalStateException("unknown precision");
    };
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String s) {
    return s == null ? null : Enum.valueOf(type, s);
  }

  private static StationEvent build(Fields f) {
    if ((f.seen & REQUIRED_ENVELOPE) != REQUIRED_ENVELOPE || !StrictEventReader.isInstant(f.time)) {
      return null;
    }
    EventType type = EventType.fromWireName(f.type).orElse(null);
    if (type == null || f.schemaVersion != type.currentVersion()) {
      return null;
    }
    Instant time = StrictEventReader.parseInstant(f.time);
    TimePrecision precision = precision(f.precision);
    long own = f.seen & ~ENVELOPE;
    return switch (type) {
      case ELEMENT_ATTACHED -> own == (own & ATTACHED_FIELDS)
          ? new ElementAttached(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.element,
              enumOf(ElementKind.class, f.kind), enumOf(Agency.class, f.agency), f.location, f.flight) : null;
      case ELEMENT_DETACHED -> own == (own & DETACHED_FIELDS)
          ? new ElementDetached(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.element, f.reason) : null;
      case ELEMENT_RELOCATED -> own == (own & RELOCATED_FIELDS)
          ? new ElementRelocated(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.element, f.from, f.to)
          : null;
      case CREW_ARRIVED -> own == (own & CREW_MOVED_FIELDS) && f.names == null
          ? new CrewArrived(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.vehicle, f.members) : null;
      case CREW_DEPARTED -> own == (own & CREW_MOVED_FIELDS) && f.members == null
          ? new CrewDeparted(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.vehicle, f.names) : null;
      case EXPEDITION_STARTED -> own == (own & EXPEDITION_FIELDS)
          && (f.seen & EXPEDITION_NUMBER) != 0
          ? new ExpeditionStarted(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.expedition,
              f.commander) : null;
      case VEHICLE_ARRIVED -> own == (own & VEHICLE_ARRIVED_FIELDS)
          ? new VehicleArrived(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.vehicle,
              enumOf(VehicleType.class, f.vehicleType), enumOf(BerthingMode.class, f.mode), f.port,
              enumOf(Agency.class, f.agency)) : null;
      case VEHICLE_DEPARTED -> own == (own & VEHICLE_DEPARTED_FIELDS)
          ? new VehicleDeparted(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.vehicle) : null;
      case VEHICLE_RELOCATED -> own == (own & VEHICLE_RELOCATED_FIELDS)
          ? new VehicleRelocated(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.vehicle, f.from, f.to)
          : null;
      case SPACEWALK_PERFORMED -> own == (own & SPACEWALK_FIELDS)
          && f.members == null && (f.duration == null || StrictEventReader.isDuration(f.duration))
          ? new SpacewalkPerformed(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.names,
              f.duration == null ? null : Duration.parse(f.duration), f.designation, f.airlock, f.purpose) : null;
      case MILESTONE_REACHED -> own == (own & MILESTONE_FIELDS)
          ? new MilestoneReached(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.title, f.caption)
          : null;
      case REPLAY_STARTED -> own == (own & REPLAY_STARTED_FIELDS)
          ? new ReplayStarted(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.reason) : null;
      case CLOCK_TICKED -> own == (own & CLOCK_TICKED_FIELDS)
          ? new ClockTicked(f.id, time, f.schemaVersion, f.source, precision, f.notes, f.run) : null;
    };
  }
}
