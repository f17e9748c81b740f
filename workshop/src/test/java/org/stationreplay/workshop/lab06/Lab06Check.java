package org.stationreplay.workshop.lab06;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.EventType;
import org.stationreplay.events.StationEvent;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.Json;
import org.stationreplay.json.SchemaValidator;
import org.stationreplay.projections.Fold;
import org.stationreplay.workshop.LabKit;

/**
 * Lab 6's check, on the real old log: the bundled history file still writes its spacewalks in version 1. Each one,
 * upcast by the learner, must be a valid version 2 document that reads as the same event, the old document must be
 * left as it was, and the whole log read through the learner's upcaster must fold to the same state.
 */
class Lab06Check {
  private final SpacewalkUpcaster upcaster = new SpacewalkUpcaster();

  @Test
  void shouldTurnEveryVersion1SpacewalkOfTheLogIntoTheSameEventInVersion2() throws IOException {
    Map<String, StationEvent> byId = LabKit.history().events().stream()
        .collect(Collectors.toMap(StationEvent::id, Function.identity()));
    int checked = 0;
    for (ObjectNode v1 : oldLog()) {
      if (!isVersion1Spacewalk(v1)) {
        continue;
      }
      ObjectNode before = v1.deepCopy();
      ObjectNode v2 = upcaster.upcast(v1);
      assertThat(v1).as("the old document after upcast(): it is the log's, and must be left as it was")
          .isEqualTo(before);
      assertThat(v2).as("upcast(%s)", before).isNotNull();
      assertThat(SchemaValidator.get().validateEvent(v2))
          .as("upcast(%s) is %s, against schemas/events/SpacewalkPerformed.v2.schema.json", before, v2).isEmpty();
      assertThat(EventCodec.read(v2)).as("the event upcast(%s) reads as", before)
          .isEqualTo(byId.get(v1.path("id").asText()));
      checked++;
    }
    assertThat(checked).as("version 1 spacewalks in the bundled history").isGreaterThan(100);
  }

  @Test
  void shouldFoldTheOldLogReadThroughYourUpcasterToTheSameState() throws IOException {
    List<StationEvent> events = new ArrayList<>();
    for (ObjectNode doc : oldLog()) {
      events.add(EventCodec.read(isVersion1Spacewalk(doc) ? upcaster.upcast(doc) : doc));
    }
    assertThat(Fold.state(events)).as("the state folded from the old log read through SpacewalkUpcaster")
        .isEqualTo(Fold.state(LabKit.history().events()));
  }

  private static boolean isVersion1Spacewalk(JsonNode doc) {
    return EventType.SPACEWALK_PERFORMED.wireName().equals(doc.path("type").asText())
        && doc.path("schemaVersion").asInt() == 1;
  }

  /** The history file's lines, as documents: the log as it was written. */
  private static List<ObjectNode> oldLog() throws IOException {
    List<ObjectNode> docs = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(HistoryReader.class.getClassLoader()
        .getResourceAsStream(HistoryReader.BUNDLED_RESOURCE), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          docs.add((ObjectNode) Json.mapper().readTree(line));
        }
      }
    }
    return docs;
  }
}
