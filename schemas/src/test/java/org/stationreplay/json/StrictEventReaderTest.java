package org.stationreplay.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.EventSamples;
import org.stationreplay.events.StationEvent;

/**
 * The fast way in must never accept what the schema refuses, nor read anything differently: every field of a
 * sample of every type is removed, nulled, and replaced by values of every JSON kind and by the edge cases of the
 * schema's patterns and lengths; unknown and duplicate fields are added. Whatever {@link StrictEventReader}
 * accepts must validate against the schema and read the same through the full way.
 */
class StrictEventReaderTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Values every field is replaced with, one at a time. */
  private static List<JsonNode> replacements() {
    List<JsonNode> v = new ArrayList<>();
    for (String s : List.of("", " ", "x", "x".repeat(200), "x".repeat(201), "\u00e9t\u00e9 \u263a", "x".repeat(2001),
        "1", "true", "null", "MODULE", "module", "NASA", "nasa", "visitor", "VISITOR", "DOCKED", "day", "DAY",
        "start", "restart", "bogus", "2000-11-02T09:21:00Z", "2000-11-02T09:21Z", "2000-11-02T09:21:00.123456789Z",
        "2000-11-02T09:21:00+00:00", "2000-11-02 09:21:00Z", "1998-12-31T23:59:60Z", "2000-11-02T24:00:00Z",
        "2000-11-02T09:21:00.Z", "2000-11-02T09:21:00.1234567890Z", "https://x\ufeffy", "https://x\u00a0y", "2000-11-02", "2000-13-45T99:99:99Z", "PT6H53M",
        "P1DT2H", "PT1.5S", "-PT1H", "PT-1H", "P1W", "PT", "P", "https://example.org", "urn:x", "ftp://x",
        "http:// space", "a-valid-id.1", "Not-An-Id", "1", "2")) {
      v.add(F.textNode(s));
    }
    v.add(F.numberNode(0));
    v.add(F.numberNode(1));
    v.add(F.numberNode(2));
    v.add(F.numberNode(3));
    v.add(F.numberNode(-1));
    v.add(F.numberNode(1.0));
    v.add(F.numberNode(1.5));
    v.add(F.numberNode(4_000_000_000L));
    v.add(F.booleanNode(true));
    v.add(F.nullNode());
    v.add(F.arrayNode());
    v.add(F.arrayNode().add("William Shepherd"));
    v.add(F.arrayNode().add(F.nullNode()));
    v.add(F.arrayNode().add(""));
    v.add(F.arrayNode().add(F.objectNode().put("name", "A").put("agency", "NASA").put("role", "visitor")));
    v.add(F.arrayNode().add(F.objectNode().put("name", "A").put("agency", "NASA").put("role", "visitor")
        .put("extra", 1)));
    v.add(F.objectNode());
    v.add(F.objectNode().put("title", "t").put("url", "https://x"));
    v.add(F.objectNode().put("title", " ").put("url", "https://x"));
    v.add(F.objectNode().put("title", "t").put("url", "nope"));
    v.add(F.objectNode().put("title", "t").put("url", "https://x").put("extra", "y"));
    return v;
  }

  /** Every document one change away from {@code doc}. */
  private static List<ObjectNode> mutants(ObjectNode doc) {
    List<ObjectNode> out = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    doc.fieldNames().forEachRemaining(fields::add);
    fields.addAll(List.of("duration", "durationMinutes", "precision", "notes", "commander", "agency", "port"));
    for (String field : fields) {
      ObjectNode removed = doc.deepCopy();
      removed.remove(field);
      out.add(removed);
      for (JsonNode value : replacements()) {
        ObjectNode changed = doc.deepCopy();
        changed.set(field, value);
        out.add(changed);
      }
      // Inside nested objects and arrays too: source and crew members.
      JsonNode nested = doc.get(field);
      if (nested instanceof ObjectNode o) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
          String inner = it.next();
          for (JsonNode value : replacements()) {
            ObjectNode changed = doc.deepCopy();
            ((ObjectNode) changed.get(field)).set(inner, value);
            out.add(changed);
          }
        }
      } else if (nested instanceof ArrayNode a && a.size() > 0 && a.get(0) instanceof ObjectNode first) {
        for (Iterator<String> it = first.fieldNames(); it.hasNext(); ) {
          String inner = it.next();
          for (JsonNode value : replacements()) {
            ObjectNode changed = doc.deepCopy();
            ((ObjectNode) changed.get(field).get(0)).set(inner, value);
            out.add(changed);
          }
        }
      }
    }
    ObjectNode unknown = doc.deepCopy();
    unknown.put("unknownField", 1);
    out.add(unknown);
    return out;
  }

  @Test
  void shouldAcceptOnlyWhatTheSchemaAcceptsAndReadItTheSameAsTheFullWay() {
    int accepted = 0;
    int refused = 0;
    for (StationEvent sample : EventSamples.all()) {
      ObjectNode doc = (ObjectNode) Json.mapper().valueToTree(sample);
      for (ObjectNode mutant : mutants(doc)) {
        byte[] bytes = mutant.toString().getBytes(StandardCharsets.UTF_8);
        StationEvent fast = StrictEventReader.tryRead(bytes);
        if (fast == null) {
          refused++;
          continue;
        }
        accepted++;
        assertThat(SchemaValidator.get().validateEvent(mutant)).as("accepted by the fast way: %s", mutant).isEmpty();
        assertThat(EventCodec.read(mutant)).as("read the same: %s", mutant).isEqualTo(fast);
      }
    }
    assertThat(accepted).as("the fast way is taken for valid variants").isGreaterThan(100);
    assertThat(refused).isGreaterThan(1000);
  }

  @Test
  void shouldTakeTheFastWayForEveryValidCurrentVersionSampleAndNotForOlderVersionsOrNulls() throws Exception {
    for (StationEvent sample : EventSamples.all()) {
      byte[] bytes = Json.write(sample).getBytes(StandardCharsets.UTF_8);
      assertThat(StrictEventReader.tryRead(bytes)).as(sample.type()).isEqualTo(sample);
    }
    String v1 = "{\"id\":\"2013-11-09-spacewalk\",\"type\":\"SpacewalkPerformed\",\"time\":\"2013-11-09T14:34:00Z\","
        + "\"schemaVersion\":1,\"source\":{\"title\":\"t\",\"url\":\"https://x\"},\"crew\":[\"Oleg Kotov\"],"
        + "\"durationMinutes\":330}";
    assertThat(StrictEventReader.tryRead(v1.getBytes(StandardCharsets.UTF_8))).as("v1: upcast the full way").isNull();
    assertThat(EventCodec.read(v1)).isNotNull();
    // A repeated field reads as its last value both ways (Jackson's trees keep the last one too).
    String duplicate = "{\"id\":\"a\",\"id\":\"b\",\"type\":\"VehicleDeparted\",\"time\":\"2013-11-09T14:34:00Z\","
        + "\"schemaVersion\":1,\"source\":{\"title\":\"t\",\"url\":\"https://x\"},\"vehicle\":\"V\"}";
    assertThat(StrictEventReader.tryRead(duplicate.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(EventCodec.read(Json.mapper().readTree(duplicate)));
    assertThat(StrictEventReader.tryRead("{\"id\":null}".getBytes(StandardCharsets.UTF_8))).isNull();
    for (String instant : List.of("2000-11-02T09:21:03Z", "2000-11-02T09:21:03.5Z",
        "2000-11-02T09:21:03.123456789Z")) {
      assertThat(StrictEventReader.isInstant(instant)).as(instant).isTrue();
    }
    for (String notInstant : List.of("2000-11-02T09:21Z", "2000-11-02T09:21:03", "2000-11-02T09:21:3Z",
        "2000-11-02T09:21:03.Z",
        "2000-11-02T09:21:03.1234567890Z", "2000-11-02 09:21:03Z", "20001-11-02T09:21:03Z")) {
      assertThat(StrictEventReader.isInstant(notInstant)).as(notInstant).isFalse();
    }
    for (String instant : List.of("2000-11-02T09:21:03Z", "2000-11-02T09:21:03.5Z",
        "2000-11-02T09:21:03.123456789Z", "2000-02-29T23:59:59.000000001Z")) {
      assertThat(StrictEventReader.parseInstant(instant)).as(instant).isEqualTo(java.time.Instant.parse(instant));
    }
    assertThat(StrictEventReader.isUrl("urn:station-replay:producer")).isTrue();
    assertThat(StrictEventReader.isUrl("https://")).isFalse();
    assertThat(StrictEventReader.isDuration("PT6H21M")).isTrue();
    assertThat(StrictEventReader.isDuration("PT")).isFalse();
    assertThat(StrictEventReader.isDuration("-PT6H")).isFalse();
  }
}
