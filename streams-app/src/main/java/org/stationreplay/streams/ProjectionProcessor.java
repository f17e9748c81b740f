package org.stationreplay.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projection.Admission;
import org.stationreplay.projection.Clock;
import org.stationreplay.projection.Outcome;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.topics.StationTopics;

/**
 * Runs every projection over {@code station.events}, one replay (record key) at a time, through
 * {@link ProjectionEngine}: markers and ticks first, then the station's rules, then each projection. Per record it
 * writes only what changed: the clock (store {@code engine-clock}, topic {@code station.projection.clock}), each
 * projection whose value changed (store {@code projection-<name>}, topic {@code station.projection.<name>}) and the
 * admitted event to the run log. A record the engine cannot use goes to the dead-letter topic with the reason.
 *
 * <p>Each projection has a status in this task ({@link ProjectionStatus}). A projection that this task has never run
 * over a log it already folded (a projection just deployed), or one asked to rebuild on
 * {@code station.projection-rebuilds}, is refolded from the run log, replay by replay, in short steps between records
 * (a wall-clock punctuation), and is live again for each replay as soon as that replay is done; the others go on
 * untouched. A projection whose code throws is marked failed and left as it was, so one bug cannot stop the rest.
 */
final class ProjectionProcessor implements Processor<String, DecodedEvent, String, Object> {
  private static final Logger log = LoggerFactory.getLogger(ProjectionProcessor.class);
  /** Far enough ahead that Kafka (message.timestamp.after.max.ms, 1 h by default) would refuse it. */
  static final Duration FUTURE_LIMIT = Duration.ofMinutes(55);
  /** How often the task looks for rebuild requests and moves rebuilds on. */
  static final Duration MAINTENANCE_INTERVAL = Duration.ofMillis(100);
  /** How long one step of a rebuild may hold the stream thread. */
  static final Duration REBUILD_STEP = Duration.ofMillis(50);

  private final ProjectionEngine engine;
  private final String[] sinks;
  private final String[] stores;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, Clock> clocks;
  private KeyValueStore<Bytes, byte[]> runLog;
  private KeyValueStore<String, ProjectionStatus> registry;
  private ReadOnlyKeyValueStore<String, Long> rebuildRequests;
  private final List<KeyValueStore<String, Object>> values = new ArrayList<>();
  private Sensor deadLetters;
  private int partition;

  /**
   * The snapshot of every replay this task has touched, exactly what its stores hold: every write goes to both,
   * and {@link #init} empties it (Kafka Streams re-initialises a task's processors after an aborted transaction,
   * and the stores are restored to the last commit), so nothing uncommitted survives here. Saves reading and
   * parsing every projection's value for every event. Bounded by the replays of this task, not the log's length.
   */
  private final Map<String, Snapshot> working = new HashMap<>();
  private ProjectionStatus[] status;
  private boolean[] statusDirty;
  /** Bit i: projection i folds every replay's events as they come. */
  private long live;

  ProjectionProcessor(ProjectionEngine engine) {
    this.engine = engine;
    this.sinks = new String[engine.size()];
    this.stores = new String[engine.size()];
    for (int i = 0; i < engine.size(); i++) {
      sinks[i] = StationTopology.projectionSink(engine.projection(i).name());
      stores[i] = StationTopology.projectionStore(engine.projection(i).name());
    }
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    working.clear();
    values.clear();
    partition = context.taskId().partition();
    clocks = context.getStateStore(StationTopology.CLOCK_STORE);
    runLog = context.getStateStore(StationTopology.RUN_LOG_STORE);
    registry = context.getStateStore(StationTopology.REGISTRY_STORE);
    rebuildRequests = context.getStateStore(StationTopology.REBUILDS_STORE);
    for (String store : stores) {
      values.add(context.getStateStore(store));
    }
    deadLetters = context.metrics().addRateTotalSensor(StationTopology.METRICS_SCOPE, StationTopology.ENGINE,
        StationTopology.DEAD_LETTERS_METRIC, Sensor.RecordingLevel.INFO);
    status = new ProjectionStatus[engine.size()];
    statusDirty = new boolean[engine.size()];
    boolean folded = hasFoldedBefore();
    for (int i = 0; i < engine.size(); i++) {
      String name = engine.projection(i).name();
      ProjectionStatus known = registry.get(name);
      if (known == null) {
        // New to this task: over a log the task has already folded it starts by catching up from the run log.
        long request = requestFor(name);
        known = folded ? ProjectionStatus.rebuilding(name, partition, request)
            : ProjectionStatus.live(name, partition, request);
        statusDirty[i] = true;
        if (folded) {
          log.info("Projection '{}' is new to partition {}: folding it from the run log", name, partition);
        }
      }
      status[i] = known;
    }
    recomputeLive();
    context.schedule(MAINTENANCE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::maintain);
  }

  @Override
  public void process(Record<String, DecodedEvent> record) {
    saveStatuses();
    DecodedEvent decoded = record.value();
    String key = record.key();
    if (key == null) {
      deadLetter(record, "missing record key (the replay id)");
      return;
    }
    if (!decoded.isValid()) {
      deadLetter(record, decoded.error());
      return;
    }
    StationEvent event = decoded.event();
    if (event.time().toEpochMilli() > context.currentSystemTimeMs() + FUTURE_LIMIT.toMillis()) {
      // Caught here, before any store: its timestamp would make a changelog write fail and stop the app.
      deadLetter(record, "time " + event.time() + " is in the future: Kafka would refuse it");
      return;
    }
    Snapshot before = working.computeIfAbsent(key, this::load);
    Outcome outcome = engine.apply(before, event, activeFor(key));
    switch (outcome.kind()) {
      case REJECTED -> deadLetter(record, "rejected by the station's rules: " + outcome.reason());
      case IGNORED -> { }
      case APPLIED, STARTED, TICKED -> write(key, event, outcome, decoded.raw(), position());
      default -> throw new IllegalStateException("unknown outcome " + outcome.kind());
    }
    for (Outcome.Failure f : outcome.failures()) {
      fail(f.index(), "threw " + f.error() + " on " + event.type() + " " + event.id() + " of replay " + key,
          f.error());
    }
  }

  private void write(String key, StationEvent event, Outcome outcome, byte[] raw, String change) {
    Snapshot after = outcome.snapshot();
    long time = event.time().toEpochMilli();
    List<String> changed = new ArrayList<>(2);
    for (int i = 0; i < engine.size(); i++) {
      if (outcome.changed(i)) {
        Object value = after.value(i);
        values.get(i).put(key, value);
        context.forward(new Record<>(key, value, time, changeHeaders(change, null)), sinks[i]);
        changed.add(engine.projection(i).name());
      }
    }
    if (outcome.kind() == Outcome.Kind.APPLIED) {
      runLog.put(RunLog.key(key, after.clock().eventsApplied()), raw);
    } else if (outcome.kind() == Outcome.Kind.STARTED) {
      runLog.put(RunLog.key(key, RunLog.MARKER), raw);
    }
    clocks.put(key, after.clock());
    working.put(key, after);
    context.forward(new Record<>(key, (Object) after.clock(), time, changeHeaders(change, changed)),
        StationTopology.CLOCK_SINK);
  }

  private static Headers changeHeaders(String change, List<String> changed) {
    Headers h = new RecordHeaders();
    h.add(StationTopics.HEADER_CHANGE, change.getBytes(StandardCharsets.UTF_8));
    if (changed != null) {
      h.add(StationTopics.HEADER_CHANGED, String.join(",", changed).getBytes(StandardCharsets.UTF_8));
    }
    return h;
  }

  /** The record's position on the event log: what ties the clock's record to the projections' of one event. */
  private String position() {
    return context.recordMetadata().map(m -> m.partition() + "-" + m.offset()).orElse("?");
  }

  /** A replay's snapshot from the stores; the rules' state is refolded from its run log (it is never stored). */
  private Snapshot load(String key) {
    Clock clock = clocks.get(key);
    if (clock == null) {
      return engine.empty();
    }
    List<Object> vals = new ArrayList<>(engine.size());
    for (int i = 0; i < engine.size(); i++) {
      Object v = values.get(i).get(key);
      vals.add(v == null ? engine.projection(i).initial() : v);
    }
    Admission admission = Admission.EMPTY;
    for (HistoryEvent e : RunLog.admitted(runLog, key, clock.eventsApplied())) {
      admission = admission.admit(e);
    }
    return engine.snapshot(clock, admission, vals);
  }

  /** The projections that fold this replay's next event: the live ones, and those already rebuilt for it. */
  private long activeFor(String key) {
    long active = live;
    for (int i = 0; i < status.length; i++) {
      ProjectionStatus s = status[i];
      if (s.state() == ProjectionStatus.State.REBUILDING && s.cursor() != null && compare(key, s.cursor()) <= 0) {
        active |= 1L << i;
      }
    }
    return active;
  }

  /** Key order as the stores keep it: by UTF-8 bytes. */
  private static int compare(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------------------------------ rebuilds

  private void maintain(long now) {
    for (int i = 0; i < engine.size(); i++) {
      String name = engine.projection(i).name();
      long request = requestFor(name);
      if (request > status[i].request()) {
        log.info("Rebuilding projection '{}' in partition {} (request at offset {})", name, partition, request);
        setStatus(i, ProjectionStatus.rebuilding(name, partition, request));
      }
    }
    long deadline = System.nanoTime() + REBUILD_STEP.toNanos();
    for (int i = 0; i < engine.size() && System.nanoTime() < deadline; i++) {
      if (status[i].state() == ProjectionStatus.State.REBUILDING) {
        rebuildStep(i, deadline, now);
      }
    }
    saveStatuses();
  }

  /** Refolds projection {@code i} for the replays after its cursor, until done or {@code deadline}. */
  private void rebuildStep(int i, long deadline, long now) {
    ProjectionStatus s = status[i];
    String token = "rebuild:" + s.projection() + ":" + s.request();
    try (KeyValueIterator<String, Clock> it = s.cursor() == null ? clocks.all() : clocks.range(s.cursor(), null)) {
      while (it.hasNext()) {
        KeyValue<String, Clock> kv = it.next();
        if (s.cursor() != null && kv.key.equals(s.cursor())) {
          continue;
        }
        Object value;
        try {
          value = engine.foldOne(i, RunLog.admitted(runLog, kv.key, kv.value.eventsApplied()));
        } catch (RuntimeException e) {
          fail(i, "threw " + e + " while being rebuilt for replay " + kv.key, e);
          return;
        }
        values.get(i).put(kv.key, value);
        Snapshot w = working.get(kv.key);
        if (w != null) {
          List<Object> vals = new ArrayList<>(w.values());
          vals.set(i, value);
          working.put(kv.key, engine.snapshot(w.clock(), w.admission(), vals));
        }
        long time = kv.value.asOf() == null ? now : kv.value.asOf().toEpochMilli();
        context.forward(new Record<>(kv.key, value, time, changeHeaders(token, null)), sinks[i]);
        context.forward(new Record<>(kv.key, (Object) kv.value, time, changeHeaders(token, List.of(s.projection()))),
            StationTopology.CLOCK_SINK);
        s = s.progressed(kv.key);
        setStatus(i, s);
        if (System.nanoTime() > deadline) {
          return;
        }
      }
    }
    log.info("Projection '{}' rebuilt in partition {}: {} replay(s)", s.projection(), partition, s.rebuilt());
    setStatus(i, s.done());
  }

  private void fail(int i, String why, RuntimeException error) {
    log.error("Projection '{}' failed in partition {} and is stopped until it is rebuilt: {}",
        engine.projection(i).name(), partition, why, error);
    setStatus(i, status[i].failed(why));
  }

  private void setStatus(int i, ProjectionStatus s) {
    status[i] = s;
    statusDirty[i] = true;
    recomputeLive();
  }

  private void recomputeLive() {
    live = 0;
    for (int i = 0; i < status.length; i++) {
      if (status[i].state() == ProjectionStatus.State.LIVE) {
        live |= 1L << i;
      }
    }
  }

  /** Writes changed statuses to the registry and the status topic (in the current transaction). */
  private void saveStatuses() {
    for (int i = 0; i < status.length; i++) {
      if (statusDirty[i]) {
        registry.put(status[i].projection(), status[i]);
        context.forward(new Record<>(status[i].topicKey(), (Object) status[i], context.currentSystemTimeMs()),
            StationTopology.STATUS_SINK);
        statusDirty[i] = false;
      }
    }
  }

  private long requestFor(String projection) {
    Long offset = rebuildRequests.get(projection);
    return offset == null ? -1 : offset;
  }

  private boolean hasFoldedBefore() {
    try (KeyValueIterator<String, Clock> it = clocks.all()) {
      return it.hasNext();
    }
  }

  // ------------------------------------------------------------------------------------------ dead letters

  private void deadLetter(Record<String, DecodedEvent> record, String reason) {
    deadLetters.record();
    Headers headers = record.headers();
    headers.add(StationTopics.HEADER_DLQ_REASON, bytes(reason));
    context.recordMetadata().ifPresent((RecordMetadata m) -> {
      headers.add(StationTopics.HEADER_DLQ_TOPIC, bytes(m.topic()));
      headers.add(StationTopics.HEADER_DLQ_PARTITION, bytes(String.valueOf(m.partition())));
      headers.add(StationTopics.HEADER_DLQ_OFFSET, bytes(String.valueOf(m.offset())));
    });
    byte[] raw = record.value() == null ? null : record.value().raw();
    // Stamped with when it was refused: its own time may be one Kafka refuses (that can be why it is here).
    headers.add(StationTopics.HEADER_DLQ_TIMESTAMP, bytes(String.valueOf(record.timestamp())));
    context.forward(record.withValue((Object) raw).withTimestamp(context.currentSystemTimeMs()),
        StationTopology.DLQ_SINK);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
