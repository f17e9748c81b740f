package org.stationreplay.streams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
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
 * writes only what changed: the clock (store {@code engine-clock}, topic {@code station.projection.clock}), the rules'
 * state, and each projection whose value changed (store {@code projection-<name>}, topic
 * {@code station.projection.<name>}). A record the engine cannot use goes to the dead-letter topic with the reason.
 *
 * <p>Each projection has a status in this task ({@link ProjectionStatus}). A projection this task has never run
 * over a log it already folded (one just deployed), or one asked to rebuild on {@code station.projection-rebuilds},
 * is refolded alone from the event log, from where the task's replays' current runs begin, in short steps between
 * records (a wall-clock punctuation) that chase the live fold; when it has caught up its values are written at once
 * and it is live again. The other projections go on untouched. A projection whose code throws is marked failed and
 * left as it was, so one bug cannot stop the rest.
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
  private final EventLog eventLog;
  private final String[] sinks;
  private final String[] stores;
  private ProcessorContext<String, Object> context;
  private KeyValueStore<String, Clock> clocks;
  private KeyValueStore<String, Admission> rules;
  private KeyValueStore<String, RunStart> runs;
  private KeyValueStore<String, ProjectionStatus> registry;
  private KeyValueStore<String, Long> dirty;
  private ReadOnlyKeyValueStore<String, Long> rebuildRequests;
  private final List<KeyValueStore<String, Object>> values = new ArrayList<>();
  private Sensor deadLetters;
  private int partition;
  /** The offset after the last record processed since init; -1 until then. */
  private long position = -1;

  /**
   * The snapshot of every replay this task has touched, exactly what its stores hold: every write goes to both,
   * and {@link #init} empties it (Kafka Streams re-initialises a task's processors after an aborted transaction,
   * and the stores are restored to the last commit), so nothing uncommitted survives here. Saves reading and
   * parsing every projection's value for every event. Bounded by the replays of this task, not the log's length.
   */
  private final Map<String, Snapshot> working = new HashMap<>();
  /** Replays whose run start is in {@link #runs}. */
  private final Set<String> runKnown = new HashSet<>();
  /** What each replay's next write holds: written when Kafka Streams flushes {@link #dirty}, at every commit. */
  private final Map<String, Pending> pending = new HashMap<>();
  private CommitFlush commitFlush;
  private ProjectionStatus[] status;
  private boolean[] statusDirty;
  /** The rebuilds under way in this task, by projection index: in memory, started again after a restart. */
  private final Map<Integer, Rebuild> rebuilds = new HashMap<>();
  /** Bit i: projection i folds every replay's events as they come. */
  private long live;

  /** What changed in a replay since its last write. */
  private static final class Pending {
    long changed;
    boolean rules;
    String change;
    long time;
  }

  private static final class Rebuild {
    final LogRefold refold;
    final EventLog.Reader reader;

    Rebuild(LogRefold refold, EventLog.Reader reader) {
      this.refold = refold;
      this.reader = reader;
    }
  }

  ProjectionProcessor(ProjectionEngine engine, EventLog eventLog) {
    this.engine = engine;
    this.eventLog = eventLog;
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
    runKnown.clear();
    pending.clear();
    values.clear();
    closeRebuilds();
    position = -1;
    partition = context.taskId().partition();
    clocks = context.getStateStore(StationTopology.CLOCK_STORE);
    rules = context.getStateStore(StationTopology.RULES_STORE);
    runs = context.getStateStore(StationTopology.RUNS_STORE);
    registry = context.getStateStore(StationTopology.REGISTRY_STORE);
    dirty = context.getStateStore(StationTopology.DIRTY_STORE);
    commitFlush = CommitFlush.onFlush(context, dirty, this::write);
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
        // New to this task: over a log the task has already folded it starts by catching up from the log.
        long request = requestFor(name);
        known = folded ? ProjectionStatus.rebuilding(name, partition, request)
            : ProjectionStatus.live(name, partition, request);
        statusDirty[i] = true;
        if (folded) {
          log.info("Projection '{}' is new to partition {}: folding it from the event log", name, partition);
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
    RecordMetadata meta = context.recordMetadata().orElse(null);
    if (meta != null) {
      position = meta.offset() + 1;
    }
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
    Outcome outcome = engine.apply(before, event, live);
    switch (outcome.kind()) {
      case REJECTED -> deadLetter(record, "rejected by the station's rules: " + outcome.reason());
      case IGNORED -> { }
      case APPLIED, STARTED, TICKED -> applied(key, event, outcome, meta);
      default -> throw new IllegalStateException("unknown outcome " + outcome.kind());
    }
    for (Outcome.Failure f : outcome.failures()) {
      fail(f.index(), "threw " + f.error() + " on " + event.type() + " " + event.id() + " of replay " + key,
          f.error());
    }
  }

  /**
   * Keeps what {@code outcome} changed for the replay's next write, and marks the replay dirty: its clock, rules and
   * changed projections are written once per commit (see {@link CommitFlush}), however many events came in between.
   * Under exactly-once a reader sees nothing before the commit anyway; this only leaves out the states in between.
   */
  private void applied(String key, StationEvent event, Outcome outcome, RecordMetadata meta) {
    Snapshot after = outcome.snapshot();
    working.put(key, after);
    Pending p = pending.get(key);
    if (p == null) {
      // The first change since the replay's last write marks it dirty; later ones find the mark already there.
      p = new Pending();
      pending.put(key, p);
      dirty.put(key, event.time().toEpochMilli());
    }
    p.changed |= outcome.changed();
    p.rules |= outcome.kind() != Outcome.Kind.TICKED;
    p.change = meta == null ? "?" : meta.partition() + "-" + meta.offset();
    p.time = event.time().toEpochMilli();
    if (meta != null && (outcome.kind() == Outcome.Kind.STARTED || runKnown.add(key) && runs.get(key) == null)) {
      runs.put(key, new RunStart(meta.partition(), meta.offset()));
      runKnown.add(key);
    }
  }

  /** Writes a replay's pending changes: its changed projections, its rules' state, its clock, in one go. */
  private void write(String key) {
    Pending p = pending.remove(key);
    Snapshot s = working.get(key);
    if (p == null || s == null) {
      return;
    }
    List<String> changed = new ArrayList<>(2);
    for (int i = 0; i < engine.size(); i++) {
      if ((p.changed & (1L << i)) != 0) {
        Object value = s.value(i);
        values.get(i).put(key, value);
        context.forward(new Record<>(key, value, p.time, changeHeaders(p.change, null)), sinks[i]);
        changed.add(engine.projection(i).name());
      }
    }
    if (p.rules) {
      rules.put(key, s.admission());
    }
    clocks.put(key, s.clock());
    context.forward(new Record<>(key, (Object) s.clock(), p.time, changeHeaders(p.change, changed)),
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

  /** A replay's snapshot from the stores. */
  private Snapshot load(String key) {
    Clock clock = clocks.get(key);
    if (clock == null) {
      return engine.empty();
    }
    if (runs.get(key) != null) {
      runKnown.add(key);
    }
    List<Object> vals = new ArrayList<>(engine.size());
    for (int i = 0; i < engine.size(); i++) {
      Object v = values.get(i).get(key);
      vals.add(v == null ? engine.projection(i).initial() : v);
    }
    Admission admission = rules.get(key);
    return engine.snapshot(clock, admission == null ? Admission.EMPTY : admission, vals);
  }

  // ------------------------------------------------------------------------------------------ rebuilds

  private void maintain(long now) {
    for (int i = 0; i < engine.size(); i++) {
      String name = engine.projection(i).name();
      long request = requestFor(name);
      if (request > status[i].request()) {
        log.info("Rebuilding projection '{}' in partition {} (request at offset {})", name, partition, request);
        closeRebuild(i);
        setStatus(i, ProjectionStatus.rebuilding(name, partition, request));
      }
    }
    long deadline = System.nanoTime() + REBUILD_STEP.toNanos();
    for (int i = 0; i < engine.size() && System.nanoTime() < deadline; i++) {
      if (status[i].state() == ProjectionStatus.State.REBUILDING) {
        try {
          rebuildStep(i, deadline, now);
        } catch (RuntimeException e) {
          closeRebuild(i);
          fail(i, "could not be rebuilt: " + e.getMessage(), e);
        }
      }
    }
    saveStatuses();
  }

  /**
   * Moves the rebuild of projection {@code i} on: reads the event log from where the task's replays' current runs
   * begin up to where the live fold stands, folding that projection alone; once there, writes its values.
   */
  private void rebuildStep(int i, long deadline, long now) {
    Rebuild r = rebuilds.get(i);
    if (r == null) {
      long from = Long.MAX_VALUE;
      try (KeyValueIterator<String, RunStart> it = runs.all()) {
        while (it.hasNext()) {
          from = Math.min(from, it.next().value.offset());
        }
      }
      if (from == Long.MAX_VALUE) {
        setStatus(i, status[i].done(0)); // nothing folded in this partition yet
        return;
      }
      r = new Rebuild(new LogRefold(new ProjectionEngine(List.of(engine.projection(i))), k -> true, now),
          eventLog.open(partition, from));
      rebuilds.put(i, r);
    }
    long target = target();
    while (r.reader.position() < target && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> rec : r.reader.next(target, 2_000)) {
        r.refold.accept(rec);
      }
    }
    setStatus(i, status[i].progressed(r.reader.position(), target));
    if (r.reader.position() >= target) {
      handOver(i, r.refold);
      closeRebuild(i);
    }
  }

  /** Where the live fold stands: after the last record processed, or the committed offset before any. */
  private long target() {
    if (position < 0) {
      position = eventLog.committed(context.applicationId(), partition).orElse(0);
    }
    return position;
  }

  /** Writes the rebuilt values of projection {@code i} for every replay of the task, and makes it live again. */
  private void handOver(int i, LogRefold refold) {
    ProjectionStatus s = status[i];
    String token = "rebuild:" + s.projection() + ":" + s.request();
    long replays = 0;
    try (KeyValueIterator<String, Clock> it = clocks.all()) {
      while (it.hasNext()) {
        KeyValue<String, Clock> kv = it.next();
        Snapshot rebuilt = refold.snapshot(kv.key);
        Object value = rebuilt == null ? engine.projection(i).initial() : rebuilt.value(0);
        values.get(i).put(kv.key, value);
        Snapshot w = working.get(kv.key);
        if (w != null) {
          List<Object> vals = new ArrayList<>(w.values());
          vals.set(i, value);
          working.put(kv.key, engine.snapshot(w.clock(), w.admission(), vals));
        }
        Pending p = pending.get(kv.key);
        if (p != null) {
          p.changed &= ~(1L << i); // written here, with the value the pending write would have had
        }
        // The clock as the fold stands now (the rebuild read the log up to here), written at the next commit if
        // it moved since the last one.
        Clock clock = w != null ? w.clock() : kv.value;
        long time = clock.asOf() == null ? context.currentSystemTimeMs() : clock.asOf().toEpochMilli();
        context.forward(new Record<>(kv.key, value, time, changeHeaders(token, null)), sinks[i]);
        context.forward(new Record<>(kv.key, (Object) clock, time, changeHeaders(token, List.of(s.projection()))),
            StationTopology.CLOCK_SINK);
        replays++;
      }
    }
    log.info("Projection '{}' rebuilt in partition {}: {} replay(s)", s.projection(), partition, replays);
    setStatus(i, s.done(replays));
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

  private void closeRebuild(int i) {
    Rebuild r = rebuilds.remove(i);
    if (r != null) {
      r.reader.close();
    }
  }

  private void closeRebuilds() {
    new ArrayList<>(rebuilds.keySet()).forEach(this::closeRebuild);
  }

  @Override
  public void close() {
    closeRebuilds();
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
