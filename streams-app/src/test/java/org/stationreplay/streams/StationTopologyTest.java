package org.stationreplay.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.ClockTicked;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.ReplayStarted;
import org.stationreplay.events.Source;
import org.stationreplay.events.StationEvent;
import org.stationreplay.events.VehicleDeparted;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.projection.Clock;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Fold;
import org.stationreplay.projections.Projections;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/** The fold's topology in Kafka's TopologyTestDriver: every projection against the offline fold. */
class StationTopologyTest {
  private static final TopicNames TOPICS = TopicNames.DEFAULT;
  private static final History HISTORY = HistoryReader.bundled();
  private static final Source PRODUCER = new Source("Station History Replay producer", "urn:station-replay:producer");

  private TopologyTestDriver driver;
  private ProjectionEngine engine;
  private RecordingEventLog eventLog;
  private TestInputTopic<String, byte[]> events;
  private TestInputTopic<String, byte[]> rebuilds;
  private TestOutputTopic<String, Clock> clocks;
  private final List<TestOutputTopic<String, ?>> projections = new ArrayList<>();
  private TestOutputTopic<String, byte[]> deadLetters;
  private TestOutputTopic<String, ProjectionStatus> statuses;

  private void start(ProjectionEngine engine) {
    this.engine = engine;
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, "target/topology-test-state");
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    eventLog = new RecordingEventLog(TOPICS.events());
    driver = new TopologyTestDriver(StationTopology.buildTopology(TOPICS, engine, eventLog), p);
    events = driver.createInputTopic(TOPICS.events(), new StringSerializer(), new ByteArraySerializer());
    rebuilds = driver.createInputTopic(TOPICS.rebuilds(), new StringSerializer(), new ByteArraySerializer());
    clocks = driver.createOutputTopic(TOPICS.clock(), new StringDeserializer(), JsonSerde.of(Clock.class));
    for (Projection<?> proj : engine.projections()) {
      projections.add(driver.createOutputTopic(TOPICS.projection(proj.name()), new StringDeserializer(),
          JsonSerde.of(proj.valueType())));
    }
    deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), new StringDeserializer(), new ByteArrayDeserializer());
    statuses = driver.createOutputTopic(TOPICS.projectionStatus(), new StringDeserializer(),
        JsonSerde.of(ProjectionStatus.class));
  }

  private void start() {
    start(Projections.engine());
  }

  @AfterEach
  void tearDown() {
    if (driver != null) {
      driver.close();
    }
  }

  private void send(String key, StationEvent e) {
    pipe(key, Json.write(e).getBytes(StandardCharsets.UTF_8), e.time());
  }

  /** Pipes a record to the fold and keeps it in the test's event log, at the offset the driver gives it. */
  private void pipe(String key, byte[] value, Instant time) {
    eventLog.piped(key, value);
    events.pipeInput(key, value, time);
  }

  /** Every record on the projection topics, by projection index. */
  private List<List<TestRecord<String, ?>>> projectionRecords() {
    List<List<TestRecord<String, ?>>> out = new ArrayList<>();
    for (TestOutputTopic<String, ?> topic : projections) {
      out.add(new ArrayList<>(topic.readRecordsToList()));
    }
    return out;
  }

  /**
   * The states a dashboard's feed composes from what the topology wrote, reading the topics the way a consumer may:
   * a chunk of each topic in turn, the clock's first (the harder order: most clock records then wait for records of
   * the projections that changed with them).
   */
  private List<StationState> composedStates() {
    return composedStates(1);
  }

  /** The same, with the topics holding everything {@code times} over, as after full rebuilds of the same log. */
  private List<StationState> composedStates(int times) {
    CompositeAssembler assembler = new CompositeAssembler(engine);
    List<StationState> states = new ArrayList<>();
    List<TestRecord<String, Clock>> clockRecords = new ArrayList<>();
    List<TestRecord<String, Clock>> once = clocks.readRecordsToList();
    List<List<TestRecord<String, ?>>> byProjection = new ArrayList<>();
    List<List<TestRecord<String, ?>>> projectionsOnce = projectionRecords();
    for (int p = 0; p < projectionsOnce.size(); p++) {
      byProjection.add(new ArrayList<>());
    }
    for (int t = 0; t < times; t++) {
      clockRecords.addAll(once);
      for (int p = 0; p < projectionsOnce.size(); p++) {
        byProjection.get(p).addAll(projectionsOnce.get(p));
      }
    }
    int chunk = 200;
    for (int from = 0; from < clockRecords.size(); from += chunk) {
      for (int i = from; i < Math.min(from + chunk, clockRecords.size()); i++) {
        TestRecord<String, Clock> r = clockRecords.get(i);
        assembler.onClock(r.key(), new FeedPosition(0, i), r.value(),
            header(r.headers(), StationTopics.HEADER_CHANGE), header(r.headers(), StationTopics.HEADER_CHANGED), 0)
            .forEach(c -> states.add(c.state()));
      }
      for (int p = 0; p < byProjection.size(); p++) {
        List<TestRecord<String, ?>> records = byProjection.get(p);
        for (int i = from; i < Math.min(from + chunk, records.size()); i++) {
          TestRecord<String, ?> r = records.get(i);
          assembler.onProjection(r.key(), p, r.value(), header(r.headers(), StationTopics.HEADER_CHANGE))
              .forEach(c -> states.add(c.state()));
        }
      }
    }
    assertThat(assembler.waiting()).as("every clock record found its projections' records").isFalse();
    return states;
  }

  @Test
  void shouldFoldTheWholeHistoryIntoEveryProjectionExactlyAsTheOfflineFold() {
    start();
    HISTORY.events().forEach(e -> send(StationTopics.ISS, e));
    assertThat(deadLetters.isEmpty()).isTrue();

    // One clock record per event, each the offline fold's clock at that point.
    List<TestRecord<String, Clock>> clockRecords = clocks.readRecordsToList();
    assertThat(clockRecords).hasSize(HISTORY.size());
    Snapshot offline = engine.empty();
    List<Snapshot> offlineSnapshots = new ArrayList<>();
    for (int i = 0; i < HISTORY.size(); i++) {
      offline = engine.step(offline, HISTORY.events().get(i));
      offlineSnapshots.add(offline);
      assertThat(clockRecords.get(i).value()).isEqualTo(offline.clock());
      assertThat(clockRecords.get(i).getRecordTime()).isEqualTo(HISTORY.events().get(i).time());
    }

    // Each projection's topic holds exactly its changes, in order: one record per event that changed it.
    List<List<TestRecord<String, ?>>> byProjection = projectionRecords();
    for (int p = 0; p < engine.size(); p++) {
      List<Object> changes = new ArrayList<>();
      Object previous = engine.projection(p).initial();
      for (Snapshot s : offlineSnapshots) {
        if (!s.value(p).equals(previous)) {
          changes.add(s.value(p));
          previous = s.value(p);
        }
      }
      List<Object> written = byProjection.get(p).stream().map(r -> (Object) r.value()).toList();
      assertThat(written).as(engine.projection(p).name()).containsExactlyElementsOf(changes);
      assertThat(changes.size()).as("%s changes on fewer events than the log has", engine.projection(p).name())
          .isLessThan(HISTORY.size());
      KeyValueStore<String, Object> store = driver.getKeyValueStore(
          StationTopology.projectionStore(engine.projection(p).name()));
      assertThat(store.get(StationTopics.ISS)).isEqualTo(offline.value(p));
    }
    KeyValueStore<String, Clock> clockStore = driver.getKeyValueStore(StationTopology.CLOCK_STORE);
    assertThat(clockStore.get(StationTopics.ISS)).isEqualTo(offline.clock());
  }

  @Test
  void shouldLetTheFeedComposeTheSameStatesAsTheOfflineFoldWhateverTheOrderItReadsTheTopics() {
    start();
    HISTORY.events().forEach(e -> send(StationTopics.ISS, e));
    assertThat(composedStates()).containsExactlyElementsOf(Fold.states(HISTORY.events()));
  }

  @Test
  void shouldComposeALogFoldedAgainFromTheStartWhoseRecordsCarryTheSameTokens() {
    start();
    HISTORY.events().forEach(e -> send(StationTopics.ISS, e));
    List<StationState> offline = Fold.states(HISTORY.events());
    List<StationState> twice = new ArrayList<>(offline);
    twice.addAll(offline);
    assertThat(composedStates(2)).containsExactlyElementsOf(twice);
  }

  /** The bundled file as written (every event version 1), with every second spacewalk rewritten as version 2. */
  private static List<String> bundledLinesWithHalfTheSpacewalksInVersion2() throws java.io.IOException {
    List<String> mixed = new ArrayList<>();
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
    start();
    List<String> lines = bundledLinesWithHalfTheSpacewalksInVersion2();
    assertThat(lines).filteredOn(l -> l.contains("\"schemaVersion\":2")).hasSize(122)
        .allSatisfy(l -> assertThat(l).contains("\"type\":\"SpacewalkPerformed\"")
            .doesNotContain("\"durationMinutes\":"));
    assertThat(lines).filteredOn(l -> l.contains("\"durationMinutes\"")).isNotEmpty();
    for (String line : lines) {
      pipe(StationTopics.ISS, line.getBytes(StandardCharsets.UTF_8), EventCodec.read(line).time());
    }
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(composedStates()).containsExactlyElementsOf(Fold.states(HISTORY.events()));
  }

  @Test
  void shouldSendAnEventOfAnUnknownVersionToTheDeadLetterTopic() throws Exception {
    start();
    List<String> lines = bundledLinesWithHalfTheSpacewalksInVersion2();
    String spacewalk = lines.stream().filter(l -> l.contains("\"type\":\"SpacewalkPerformed\"")).findFirst()
        .orElseThrow();
    int upTo = lines.indexOf(spacewalk);
    for (String line : lines.subList(0, upTo)) {
      pipe(StationTopics.ISS, line.getBytes(StandardCharsets.UTF_8), EventCodec.read(line).time());
    }
    byte[] future = spacewalk.replace("\"schemaVersion\":1", "\"schemaVersion\":3")
        .getBytes(StandardCharsets.UTF_8);
    pipe(StationTopics.ISS, future, Instant.parse("1998-12-07T22:10:00Z"));

    List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).singleElement().satisfies(r -> {
      assertThat(header(r.headers(), StationTopics.HEADER_DLQ_REASON))
          .isEqualTo("schema: unknown schemaVersion 3 for SpacewalkPerformed");
      assertThat(r.value()).isEqualTo(future);
    });
    assertThat(lastState()).isEqualTo(Fold.state(HISTORY.events().subList(0, upTo)));
  }

  /** The state the stores hold for the ISS, composed as {@code GET /api/state} does. */
  private StationState lastState() {
    return lastState(StationTopics.ISS);
  }

  private StationState lastState(String key) {
    KeyValueStore<String, Clock> clockStore = driver.getKeyValueStore(StationTopology.CLOCK_STORE);
    List<Object> values = new ArrayList<>();
    for (Projection<?> p : engine.projections()) {
      KeyValueStore<String, Object> store = driver.getKeyValueStore(StationTopology.projectionStore(p.name()));
      Object v = store.get(key);
      values.add(v == null ? p.initial() : v);
    }
    Clock clock = clockStore.get(key);
    return org.stationreplay.projections.Composite.state(engine, engine.snapshot(clock == null ? Clock.EMPTY : clock,
        org.stationreplay.projection.Admission.EMPTY, values));
  }

  @Test
  void shouldKeepReplaysApart() {
    start();
    List<StationEvent> first = HISTORY.events().subList(0, 3);
    first.forEach(e -> send("ISS", e));
    first.forEach(e -> send("ISS-copy", e));
    assertThat(lastState("ISS")).isEqualTo(lastState("ISS-copy")).isEqualTo(Fold.state(first));
  }

  @Test
  void shouldSendPoisonRecordsToTheDeadLetterTopicWithTheReasonAndLeaveTheProjectionsAlone() {
    start();
    List<StationEvent> first = HISTORY.events().subList(0, 2);
    first.forEach(e -> send(StationTopics.ISS, e));
    clocks.readRecordsToList();
    projectionRecords();

    Instant t = Instant.parse("2001-01-01T00:00:00Z");
    pipe(StationTopics.ISS, "{not json".getBytes(StandardCharsets.UTF_8), t);
    pipe(StationTopics.ISS, ("{\"id\":\"x\",\"type\":\"StationExploded\",\"time\":\"2001-01-01T00:00:00Z\","
        + "\"schemaVersion\":1,\"source\":{\"title\":\"t\",\"url\":\"https://x\"}}").getBytes(StandardCharsets.UTF_8), t);
    pipe(StationTopics.ISS, ("{\"id\":\"y\",\"type\":\"CrewDeparted\",\"time\":\"2001-01-01T00:00:00Z\","
        + "\"schemaVersion\":1,\"source\":{\"title\":\"t\",\"url\":\"https://x\"},\"vehicle\":\"Soyuz TM-31\","
        + "\"crew\":[\"Nobody\"]}").getBytes(StandardCharsets.UTF_8), t);
    pipe(null, Json.write(first.get(0)).getBytes(StandardCharsets.UTF_8), t);

    List<TestRecord<String, byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).extracting(r -> header(r.headers(), StationTopics.HEADER_DLQ_REASON)).satisfiesExactly(
        r -> assertThat(r).startsWith("malformed JSON"),
        r -> assertThat(r).isEqualTo("schema: unknown event type 'StationExploded'"),
        r -> assertThat(r).isEqualTo("rejected by the station's rules: vehicle 'Soyuz TM-31' is not docked"),
        r -> assertThat(r).isEqualTo("missing record key (the replay id)"));
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    assertThat(header(dead.get(0).headers(), StationTopics.HEADER_DLQ_TOPIC)).isEqualTo(TOPICS.events());
    assertThat(header(dead.get(0).headers(), StationTopics.HEADER_DLQ_OFFSET)).isEqualTo("2");
    assertThat(clocks.isEmpty()).isTrue();
    assertThat(projectionRecords()).allSatisfy(records -> assertThat(records).isEmpty());
    assertThat(lastState()).isEqualTo(Fold.state(first));
  }

  private static ReplayStarted marker(String run) {
    return new ReplayStarted(run, Instant.parse("1998-11-20T06:40:00Z"), 1, PRODUCER, null, null, "start");
  }

  private static ClockTicked tick(String date, String run) {
    return new ClockTicked("tick-" + date + "-" + run, Instant.parse(date + "T00:00:00Z"), 1, PRODUCER, null, null,
        run);
  }

  @Test
  void shouldMoveOnlyTheClockOnTicksOfTheCurrentRunAndIgnoreOthers() {
    start();
    List<StationEvent> first = HISTORY.events().subList(0, 2);
    send(StationTopics.ISS, marker("replay-start-1-s1"));
    first.forEach(e -> send(StationTopics.ISS, e));
    clocks.readRecordsToList();
    projectionRecords();

    send(StationTopics.ISS, tick("1998-12-20", "replay-start-1-s1"));
    TestRecord<String, Clock> ticked = clocks.readRecord();
    assertThat(ticked.value().asOf()).isEqualTo(Instant.parse("1998-12-20T00:00:00Z"));
    assertThat(ticked.value().eventsApplied()).isEqualTo(2);
    assertThat(ticked.value().lastEvent().id()).isEqualTo(first.get(1).id());
    assertThat(header(ticked.headers(), StationTopics.HEADER_CHANGED)).isEmpty();
    assertThat(projectionRecords()).as("a tick writes no projection").allSatisfy(r -> assertThat(r).isEmpty());

    send(StationTopics.ISS, tick("1998-12-21", "replay-start-0-s0")); // left over from an earlier run
    assertThat(clocks.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldStartAfreshAtAReplayMarkerAndTravelInTimeOverTheCurrentRun() {
    start();
    List<StationEvent> events = HISTORY.events().subList(0, 40);
    send(StationTopics.ISS, marker("replay-start-1-s1"));
    events.forEach(e -> send(StationTopics.ISS, e));
    send(StationTopics.ISS, marker("replay-seek-2-s1"));
    StationState reset = lastState();
    assertThat(reset.eventsApplied()).isZero();
    assertThat(reset.modules()).isEmpty();
    assertThat(reset.run()).isEqualTo("replay-seek-2-s1");
    events.subList(0, 30).forEach(e -> send(StationTopics.ISS, e)); // the new run refolds from the first event
    assertThat(lastState().moduleCount()).isEqualTo(Fold.state(events.subList(0, 30)).moduleCount());

    // Time travel: the current run refolded from the event log, from where it starts, as the live fold saw it.
    KeyValueStore<String, RunStart> runs = driver.getKeyValueStore(StationTopology.RUNS_STORE);
    RunStart runStart = runs.get(StationTopics.ISS);
    assertThat(runStart.offset()).as("the second run's marker").isEqualTo(1 + events.size());
    for (int i : new int[] {0, 7, 29}) {
      Instant at = events.get(i).time();
      Snapshot then = LogRefold.at(eventLog, runStart, StationTopics.ISS, at, engine, System.currentTimeMillis())
          .orElseThrow();
      StationState expected = Fold.stateAt(events, at);
      StationState travelled = org.stationreplay.projections.Composite.state(engine, then);
      assertThat(travelled.toBuilder().run(null).lastEvent(expected.lastEvent()).build()).isEqualTo(expected);
      assertThat(travelled.run()).isEqualTo("replay-seek-2-s1");
    }
    assertThat(LogRefold.at(eventLog, runStart, StationTopics.ISS, Instant.parse("1990-01-01T00:00:00Z"), engine,
        System.currentTimeMillis())).as("before the run began").isEmpty();

    // Looping keeps one entry per replay in every store: nothing grows with the number of runs.
    send(StationTopics.ISS, marker("replay-loop-3-s1"));
    events.forEach(e -> send(StationTopics.ISS, e));
    send(StationTopics.ISS, marker("replay-loop-4-s1"));
    events.forEach(e -> send(StationTopics.ISS, e));
    for (String store : StationTopology.stores(engine)) {
      if (!store.equals(StationTopology.REGISTRY_STORE)) {
        assertThat(count(driver.getKeyValueStore(store))).as(store).isLessThanOrEqualTo(1);
      }
    }
  }

  private static long count(KeyValueStore<?, ?> store) {
    long n = 0;
    try (var it = store.all()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  @Test
  void shouldRefuseADuplicateEventIdAndATimeKafkaWouldRefuseAndCountThem() {
    start();
    List<StationEvent> first = HISTORY.events().subList(0, 3);
    send(StationTopics.ISS, marker("replay-start-1-s1"));
    first.forEach(e -> send(StationTopics.ISS, e));
    StationState before = lastState();

    send(StationTopics.ISS, first.get(2)); // the same event again
    StationEvent future = new VehicleDeparted("2100-01-01-nothing-departed", Instant.parse("2100-01-01T00:00:00Z"), 1,
        PRODUCER, null, null, "Nothing");
    send(StationTopics.ISS, future);

    assertThat(deadLetters.readRecordsToList()).extracting(r -> header(r.headers(), StationTopics.HEADER_DLQ_REASON))
        .satisfiesExactly(
            r -> assertThat(r).startsWith("rejected by the station's rules: duplicate event id " + first.get(2).id()),
            r -> assertThat(r).isEqualTo("time 2100-01-01T00:00:00Z is in the future: Kafka would refuse it"));
    assertThat(lastState()).isEqualTo(before);
    assertThat(deadLetterCount()).isEqualTo(2.0);

    send(StationTopics.ISS, marker("replay-restart-2-s1")); // a new run may apply the same events again
    send(StationTopics.ISS, first.get(0));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldRebuildOneProjectionFromTheEventLogOnRequestAndLeaveTheOthersAlone() {
    start();
    HISTORY.events().forEach(e -> send(StationTopics.ISS, e));
    HISTORY.events().subList(0, 100).forEach(e -> send("ISS-copy", e));
    clocks.readRecordsToList();
    projectionRecords();
    statuses.readRecordsToList();

    int crew = engine.indexOf("crew");
    rebuilds.pipeInput("crew", "{\"projection\":\"crew\"}".getBytes(StandardCharsets.UTF_8));
    for (int step = 0; step < 50; step++) { // a rebuild moves on in short steps between records
      driver.advanceWallClockTime(ProjectionProcessor.MAINTENANCE_INTERVAL);
    }

    List<List<TestRecord<String, ?>>> written = projectionRecords();
    for (int p = 0; p < engine.size(); p++) {
      if (p == crew) {
        Map<String, Object> rebuilt = new LinkedHashMap<>();
        written.get(p).forEach(r -> rebuilt.put(r.key(), r.value()));
        assertThat(rebuilt).containsOnlyKeys("ISS", "ISS-copy");
        assertThat(rebuilt.get("ISS")).isEqualTo(engine.fold(HISTORY.events()).value(crew));
        assertThat(rebuilt.get("ISS-copy")).isEqualTo(engine.fold(HISTORY.events().subList(0, 100)).value(crew));
      } else {
        assertThat(written.get(p)).as("%s is not rebuilt", engine.projection(p).name()).isEmpty();
      }
    }
    // The clock is written again for each replay rebuilt, naming the projection, so that feeds compose anew.
    assertThat(clocks.readRecordsToList()).extracting(r -> header(r.headers(), StationTopics.HEADER_CHANGED))
        .containsExactly("crew", "crew");
    assertThat(statuses.readRecordsToList()).extracting(TestRecord::value)
        .filteredOn(s -> s.projection().equals("crew")).last().satisfies(s -> {
          assertThat(s.state()).isEqualTo(ProjectionStatus.State.LIVE);
          assertThat(s.request()).isZero(); // the offset of the request
          assertThat(s.rebuilt()).isEqualTo(2);
        });

    // One request, one rebuild: the task remembers which request it acted on.
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    assertThat(projectionRecords().get(crew)).isEmpty();
    HISTORY.events().subList(100, 110).forEach(e -> send("ISS-copy", e));
    assertThat(lastState("ISS-copy")).isEqualTo(Fold.state(HISTORY.events().subList(0, 110)));
  }

  @Test
  void shouldStopAFailingProjectionAndKeepFoldingTheOthers() {
    Projection<Integer> failing = new Projection<>() {
      @Override public String name() { return "fragile"; }
      @Override public String description() { return "throws on the first spacewalk"; }
      @Override public Class<Integer> valueType() { return Integer.class; }
      @Override public Integer initial() { return 0; }

      @Override
      public Integer apply(Integer value, HistoryEvent event) {
        if (event.type().equals("SpacewalkPerformed")) {
          throw new IllegalStateException("a bug");
        }
        return value + 1;
      }
    };
    List<Projection<?>> all = new ArrayList<>(Projections.ALL);
    all.add(failing);
    start(new ProjectionEngine(all));
    HISTORY.events().forEach(e -> send(StationTopics.ISS, e));
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(lastState()).isEqualTo(Fold.state(HISTORY.events()));
    assertThat(statuses.readRecordsToList()).extracting(TestRecord::value)
        .filteredOn(s -> s.projection().equals("fragile")).last().satisfies(s -> {
          assertThat(s.state()).isEqualTo(ProjectionStatus.State.FAILED);
          assertThat(s.reason()).contains("a bug");
        });
  }

  private double deadLetterCount() {
    return driver.metrics().values().stream()
        .filter(m -> m.metricName().name().equals(StationTopology.DEAD_LETTERS_METRIC + "-total"))
        .mapToDouble(m -> ((Number) m.metricValue()).doubleValue()).sum();
  }

  @Test
  void shouldNameEveryNodeOfTheTopology() {
    start();
    String description = StationTopology.buildTopology(TOPICS).describe().toString();
    assertThat(description).contains(StationTopology.SOURCE, StationTopology.ENGINE, StationTopology.CLOCK_STORE,
        StationTopology.RULES_STORE, StationTopology.RUNS_STORE, StationTopology.REGISTRY_STORE, StationTopology.CLOCK_SINK,
        StationTopology.STATUS_SINK, StationTopology.DLQ_SINK, StationTopology.REBUILDS_STORE);
    for (Projection<?> p : Projections.ALL) {
      assertThat(description).contains(StationTopology.projectionStore(p.name()),
          StationTopology.projectionSink(p.name()), TOPICS.projection(p.name()));
    }
    assertThat(description).doesNotContain("KSTREAM-");
  }

  private static String header(Headers headers, String name) {
    org.apache.kafka.common.header.Header h = headers.lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
