package org.stationreplay.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Duration;
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

/**
 * The fast way in for the common case, a document of its type's current version: bound straight to its record by a
 * mapper that accepts nothing the JSON Schema would refuse (no unknown field, no null, no coercion between strings,
 * numbers and booleans, instants and durations in exactly the schema's forms), and then checked for what a record
 * does not check itself (lengths, patterns). It answers only "certainly valid, here is the event" or "not sure":
 * anything it does not accept goes the full way ({@link EventCodec}), which validates against the schema and
 * explains the problem. Binding a document this way is a few microseconds; validating it against the schema is most
 * of the cost of reading an event. {@code StrictEventReaderTest} checks, over every field of every type mutated in
 * every way that matters, that whatever this accepts the schema accepts too and reads the same.
 */
final class StrictEventReader {
  private static final Pattern INSTANT =
      Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?Z");
  private static final Pattern DURATION =
      Pattern.compile("P(?=\\d|T\\d)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d{1,9})?S)?)?");
  private static final Pattern URL = Pattern.compile("(https?://|urn:)\\S+");
  private static final int NAME_MAX = 200;
  private static final List<String> REPLAY_REASONS = List.of("start", "restart", "loop", "seek");

  private static final ObjectMapper MAPPER = mapper();
  private static final ObjectReader READER = MAPPER.readerFor(StationEvent.class);

  private StrictEventReader() {}

  /** The event, if the document is certainly a valid current-version one; null if it needs the full way. */
  static StationEvent tryRead(byte[] json) {
    StationEvent event;
    if (hasNullLiteral(json)) {
      return null;
    }
    try {
      event = READER.readValue(json);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return event != null && event.schemaVersion() == EventType.of(event).currentVersion() && valid(event)
        ? event : null;
  }

  private static ObjectMapper mapper() {
    JsonMapper m = JsonMapper.builder()
        .addModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule())
        .addModule(new SimpleModule("strict-time")
            .addDeserializer(Instant.class, new StrictInstant())
            .addDeserializer(Duration.class, new StrictDuration()))
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Enum,
        LogicalType.Collection, LogicalType.POJO, LogicalType.Boolean, LogicalType.Float)) {
      for (CoercionInputShape shape : CoercionInputShape.values()) {
        m.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
      }
    }
    return m;
  }

  /**
   * Whether the document has a JSON {@code null} outside strings. No event schema allows a null anywhere, and a
   * scan of the bytes is cheaper than a parser that checks every token.
   */
  static boolean hasNullLiteral(byte[] json) {
    boolean inString = false;
    for (int i = 0; i < json.length; i++) {
      byte b = json[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == 'n' && i + 3 < json.length && json[i + 1] == 'u' && json[i + 2] == 'l' && json[i + 3] == 'l') {
        return true;
      }
    }
    return false;
  }

  /** The schema's instant: a string in exactly {@code YYYY-MM-DDTHH:MM[:SS[.fraction]]Z}. */
  private static final class StrictInstant extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING || !INSTANT.matcher(p.getText()).matches()) {
        throw ctx.weirdStringException(p.getText(), Instant.class, "not the schema's instant form");
      }
      return Instant.parse(p.getText());
    }
  }

  /** The schema's duration: days, hours, minutes and seconds, none negative. */
  private static final class StrictDuration extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING || !DURATION.matcher(p.getText()).matches()) {
        throw ctx.weirdStringException(p.getText(), Duration.class, "not the schema's duration form");
      }
      return Duration.parse(p.getText());
    }
  }

  /** What the records do not check: the schema's lengths and patterns. */
  private static boolean valid(StationEvent e) {
    if (e.id().length() > NAME_MAX || !name(e.source().title()) || !URL.matcher(e.source().url()).matches()) {
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
      @Override public Boolean spacewalkPerformed(SpacewalkPerformed x) { return names(x.crew()); }
      @Override public Boolean milestoneReached(MilestoneReached x) {
        return name(x.title()) && !x.caption().isBlank() && x.caption().length() <= 2000;
      }
      @Override public Boolean replayStarted(ReplayStarted x) { return REPLAY_REASONS.contains(x.reason()); }
      @Override public Boolean clockTicked(ClockTicked x) { return !x.run().isEmpty(); }
    });
  }

  /** The schema's name: 1 to 200 characters, not all blank. */
  private static boolean name(String s) {
    return s != null && !s.isBlank() && s.length() <= NAME_MAX;
  }

  private static boolean names(List<String> list) {
    return list.stream().allMatch(StrictEventReader::name);
  }
}
