package org.stationreplay.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.StationEvent;
import org.stationreplay.fold.StationFold;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

class StationTopologyTest {
  private static final TopicNames TOPICS = TopicNames.DEFAULT;
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> events;
  private TestOutputTopic<String, StationState> states;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void setUp() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, "target/topology-test-state");
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    driver = new TopologyTestDriver(StationTopology.buildTopology(TOPICS), p);
    events = driver.createInputTopic(TOPICS.events(), new StringSerializer(), new ByteArraySerializer());
    states = driver.createOutputTopic(TOPICS.state(), new StringDeserializer(), JsonSerde.of(StationState.class));
    deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), new StringDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  private void send(String key, StationEvent e) {
    events.pipeInput(key, Json.write(e).getBytes(StandardCharsets.UTF_8), e.time());
  }

  @Test
  void shouldFoldTheWholeBundledHistoryToTheSameStatesAsTheOfflineFold() {
    History history = HistoryReader.bundled();
    history.events().forEach(e -> send(StationTopics.ISS, e));

    List<TestRecord<String, StationState>> out = states.readRecordsToList();
    assertThat(out).hasSize(history.size());
    StationState offline = StationState.EMPTY;
    for (int i = 0; i < out.size(); i++) {
      StationEvent e = history.events().get(i);
      offline = StationFold.apply(offline, e);
      assertThat(out.get(i).value()).isEqualTo(offline);
      assertThat(out.get(i).key()).isEqualTo(StationTopics.ISS);
      assertThat(out.get(i).getRecordTime()).isEqualTo(e.time());
    }
    KeyValueStore<String, StationState> store = driver.getKeyValueStore(StationTopology.STATE_STORE);
    assertThat(store.get(StationTopics.ISS)).isEqualTo(StationFold.foldAll(history.events()));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  /** The bundled file as written (every event version 1), with every second spacewalk rewritten as version 2. */
  private static List<String> bundledLinesWithHalfTheSpacewalksInVersion2() throws java.io.IOException {
    List<String> mixed = new java.util.ArrayList<>();
    int spacewalks = 0;
    try (java.io.InputStream in = HistoryReader.class.getClassLoader()
        .getResourceAsStream(HistoryReader.BUNDLED_RESOURCE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        boolean spacewalk = line.contains("\"type\":\"SpacewalkPerformed\"");
        mixed.add(spacewalk && spacewalks++ % 2 == 1 ? EventCodec.write(EventCodec.read(line)) : line);
      }
    }
    return mixed;
  }

  @Test
  void shouldFoldAMixedVersionLogToTheSameStatesAsTheOfflineFold() throws Exception {
    List<String> lines = bundledLinesWithHalfTheSpacewalksInVersion2();
    assertThat(lines).filteredOn(l -> l.contains("\"schemaVersion\":2")).hasSize(122)
        .allSatisfy(l -> assertThat(l).contains("\"type\":\"SpacewalkPerformed\"")
            .doesNotContain("\"durationMinutes\":"));
    assertThat(lines).filteredOn(l -> l.contains("\"durationMinutes\"")).isNotEmpty();
    for (String line : lines) {
      events.pipeInput(StationTopics.ISS, line.getBytes(StandardCharsets.UTF_8), EventCodec.read(line).time());
    }

    History history = HistoryReader.bundled();
    List<TestRecord<String, StationState>> out = states.readRecordsToList();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(out).hasSize(history.size());
    StationState offline = StationState.EMPTY;
    for (int i = 0; i < out.size(); i++) {
      offline = StationFold.apply(offline, history.events().get(i));
      assertThat(out.get(i).value()).as("state after event %d", i).isEqualTo(offline);
    }
    KeyValueStore<String, StationState> store = driver.getKeyValueStore(StationTopology.STATE_STORE);
    assertThat(store.get(StationTopics.ISS)).isEqualTo(StationFold.foldAll(history.events()));
  }

  @Test
  void shouldSendAnEventOfAnUnknownVersionToTheDeadLetterTopic() throws Exception {
    List<String> lines = bundledLinesWithHalfTheSpacewalksInVersion2();
    String spacewalk = lines.stream().filter(l -> l.contains("\"type\":\"SpacewalkPerformed\"")).findFirst()
        .orElseThrow();
    int upTo = lines.indexOf(spacewalk);
    for (String line : lines.subList(0, upTo)) {
      events.pipeInput(StationTopics.ISS, line.getBytes(StandardCharsets.UTF_8), EventCodec.read(line).time());
    }
    StationState before = StationFold.foldAll(HistoryReader.bundled().events().subList(0, upTo));
    byte[] future = spacewalk.replace("\"schemaVersion\":1", "\"schemaVersion\":3")
        .getBytes(StandardCharsets.UTF_8);
    events.pipeInput(StationTopics.ISS, future, Instant.parse("1998-12-07T22:10:00Z"));

    List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).singleElement().satisfies(r -> {
      assertThat(header(r.headers(), StationTopics.HEADER_DLQ_REASON))
          .isEqualTo("schema: unknown schemaVersion 3 for SpacewalkPerformed");
      assertThat(r.value()).isEqualTo(future);
    });
    KeyValueStore<String, StationState> store = driver.getKeyValueStore(StationTopology.STATE_STORE);
    assertThat(store.get(StationTopics.ISS)).isEqualTo(before);
  }

  @Test
  void shouldKeepStationsApart() {
    List<StationEvent> first = HistoryReader.bundled().events().subList(0, 3);
    first.forEach(e -> send("ISS", e));
    first.forEach(e -> send("ISS-copy", e));
    KeyValueStore<String, StationState> store = driver.getKeyValueStore(StationTopology.STATE_STORE);
    assertThat(store.get("ISS")).isEqualTo(store.get("ISS-copy")).isEqualTo(StationFold.foldAll(first));
  }

  @Test
  void shouldSendPoisonRecordsToTheDeadLetterTopicWithTheReasonAndLeaveTheStateAlone() {
    List<StationEvent> first = HistoryReader.bundled().events().subList(0, 2);
    first.forEach(e -> send(StationTopics.ISS, e));
    StationState before = states.readRecordsToList().get(1).value();

    Instant t = Instant.parse("2001-01-01T00:00:00Z");
    events.pipeInput(StationTopics.ISS, "{not json".getBytes(StandardCharsets.UTF_8), t);
    events.pipeInput(StationTopics.ISS, ("{\"id\":\"x\",\"type\":\"StationExploded\",\"time\":\"2001-01-01T00:00:00Z\","
        + "\"schemaVersion\":1,\"source\":{\"title\":\"t\",\"url\":\"https://x\"}}").getBytes(StandardCharsets.UTF_8), t);
    events.pipeInput(StationTopics.ISS, ("{\"id\":\"y\",\"type\":\"CrewDeparted\",\"time\":\"2001-01-01T00:00:00Z\","
        + "\"schemaVersion\":1,\"source\":{\"title\":\"t\",\"url\":\"https://x\"},\"vehicle\":\"Soyuz TM-31\","
        + "\"crew\":[\"Nobody\"]}").getBytes(StandardCharsets.UTF_8), t);
    events.pipeInput((String) null, Json.write(first.get(0)).getBytes(StandardCharsets.UTF_8), t);

    List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).extracting(r -> header(r.headers(), StationTopics.HEADER_DLQ_REASON)).satisfiesExactly(
        r -> assertThat(r).startsWith("malformed JSON"),
        r -> assertThat(r).isEqualTo("schema: unknown event type 'StationExploded'"),
        r -> assertThat(r).isEqualTo("rejected by the fold: vehicle 'Soyuz TM-31' is not docked"),
        r -> assertThat(r).isEqualTo("missing record key (the station id)"));
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    assertThat(header(dead.get(0).headers(), StationTopics.HEADER_DLQ_TOPIC)).isEqualTo(TOPICS.events());
    assertThat(header(dead.get(0).headers(), StationTopics.HEADER_DLQ_OFFSET)).isEqualTo("2");
    assertThat(states.isEmpty()).isTrue();
    KeyValueStore<String, StationState> store = driver.getKeyValueStore(StationTopology.STATE_STORE);
    assertThat(store.get(StationTopics.ISS)).isEqualTo(before);
  }

  private static final org.stationreplay.events.Source PRODUCER =
      new org.stationreplay.events.Source("Station History Replay producer", "urn:station-replay:producer");

  private static org.stationreplay.events.ReplayStarted marker(String run) {
    return new org.stationreplay.events.ReplayStarted(run, Instant.parse("1998-11-20T06:40:00Z"), 1, PRODUCER, null,
        null, "start");
  }

  private static org.stationreplay.events.ClockTicked tick(String date, String run) {
    return new org.stationreplay.events.ClockTicked("tick-" + date + "-" + run, Instant.parse(date + "T00:00:00Z"),
        1, PRODUCER, null, null, run);
  }

  @Test
  void shouldMoveTheClockOnTicksOfTheCurrentRunAndIgnoreOthers() {
    List<StationEvent> first = HistoryReader.bundled().events().subList(0, 2);
    send(StationTopics.ISS, marker("replay-start-1-s1"));
    first.forEach(e -> send(StationTopics.ISS, e));
    states.readRecordsToList();

    send(StationTopics.ISS, tick("1998-12-20", "replay-start-1-s1"));
    StationState ticked = states.readValue();
    assertThat(ticked.asOf()).isEqualTo(Instant.parse("1998-12-20T00:00:00Z"));
    assertThat(ticked.eventsApplied()).isEqualTo(2);
    assertThat(ticked.lastEventId()).isEqualTo(first.get(1).id());

    send(StationTopics.ISS, tick("1998-12-21", "replay-start-0-s0")); // left over from an earlier run
    assertThat(states.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldStartAfreshAtAReplayMarkerAndKeepHistoryForTimeTravel() {
    List<StationEvent> events = HistoryReader.bundled().events().subList(0, 20);
    send(StationTopics.ISS, marker("replay-start-1-s1"));
    events.forEach(e -> send(StationTopics.ISS, e));
    send(StationTopics.ISS, marker("replay-seek-2-s1"));
    StationState reset = states.readRecordsToList().get(events.size() + 1).value();
    assertThat(reset.eventsApplied()).isZero();
    assertThat(reset.modules()).isEmpty();
    assertThat(reset.run()).isEqualTo("replay-seek-2-s1");
    send(StationTopics.ISS, events.get(0)); // the new run refolds from the first event
    assertThat(states.readValue().moduleCount()).isEqualTo(1);

    org.apache.kafka.streams.state.VersionedKeyValueStore<String, StationState> history =
        driver.getVersionedKeyValueStore(StationTopology.HISTORY_STORE);
    Instant at = events.get(10).time();
    StationState then = history.get(StationTopics.ISS, at.toEpochMilli()).value();
    assertThat(then.toBuilder().run(null).build()).isEqualTo(StationFold.foldUntil(events, at).toBuilder()
        .asOf(then.asOf()).build());
  }

  @Test
  void shouldRefuseADuplicateEventIdAndATimeKafkaWouldRefuseAndCountThem() {
    List<StationEvent> first = HistoryReader.bundled().events().subList(0, 3);
    send(StationTopics.ISS, marker("replay-start-1-s1"));
    first.forEach(e -> send(StationTopics.ISS, e));
    StationState before = states.readRecordsToList().get(3).value();

    send(StationTopics.ISS, first.get(2)); // the same event again
    StationEvent future = new org.stationreplay.events.VehicleDeparted("2100-01-01-nothing-departed",
        Instant.parse("2100-01-01T00:00:00Z"), 1, PRODUCER, null, null, "Nothing");
    send(StationTopics.ISS, future);

    assertThat(deadLetters.readRecordsToList()).extracting(r -> header(r.headers(), StationTopics.HEADER_DLQ_REASON))
        .satisfiesExactly(
            r -> assertThat(r).startsWith("duplicate event id " + first.get(2).id()),
            r -> assertThat(r).isEqualTo("time 2100-01-01T00:00:00Z is in the future: Kafka would refuse it"));
    assertThat(states.isEmpty()).isTrue();
    KeyValueStore<String, StationState> store = driver.getKeyValueStore(StationTopology.STATE_STORE);
    assertThat(store.get(StationTopics.ISS)).isEqualTo(before);
    assertThat(deadLetterCount()).isEqualTo(2.0);

    send(StationTopics.ISS, marker("replay-restart-2-s1")); // a new run may apply the same events again
    send(StationTopics.ISS, first.get(0));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  private double deadLetterCount() {
    return driver.metrics().values().stream()
        .filter(m -> m.metricName().name().equals(StationTopology.DEAD_LETTERS_METRIC + "-total"))
        .mapToDouble(m -> ((Number) m.metricValue()).doubleValue()).sum();
  }

  @Test
  void shouldNameEveryNodeOfTheTopology() {
    String description = StationTopology.buildTopology(TOPICS).describe().toString();
    assertThat(description).contains(StationTopology.SOURCE, StationTopology.FOLD_PROCESSOR,
        StationTopology.STATE_STORE, StationTopology.HISTORY_STORE, StationTopology.STATE_SINK,
        StationTopology.DLQ_SINK);
    assertThat(description).doesNotContain("KSTREAM-");
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
