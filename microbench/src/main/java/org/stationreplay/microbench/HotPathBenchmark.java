package org.stationreplay.microbench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.JsonSerde;
import java.util.ArrayList;
import java.util.List;
import org.stationreplay.projection.Clock;
import org.stationreplay.projection.Outcome;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Composite;
import org.stationreplay.projections.Projections;
import org.stationreplay.state.StationState;

/**
 * The Streams app's work per record of {@code station.events}, without Kafka and without RocksDB: what
 * {@code EventDecoder} and {@code ProjectionProcessor} do to the bytes and objects, in the same order.
 * <ol>
 *   <li>decode the record value ({@code EventCodec.read}: the strict fast way for current versions);</li>
 *   <li>{@code ProjectionEngine.apply}: the rules, then every registered projection (the replay's snapshot is kept
 *       in the processor's memory, no store read);</li>
 *   <li>{@link #perRecordWithWrite} only: serialize the clock and each projection whose value
 *       changed, as the fold does once per replay and commit (once per event when events are far apart).</li>
 * </ol>
 * {@link #perRecordBefore} is the fold as it was before projections: the whole ~10 KB state document serialized
 * for its store, its versioned history and {@code station.state} at every event. One event per operation, cycling
 * through the history; after the last event the next cycle starts from the empty station, as after a replay run's
 * opening marker. Left out: RocksDB, the changelogs and the producer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class HotPathBenchmark {
  private final ProjectionEngine engine = Projections.engine();
  private final JsonSerde<StationState> stateSerde = JsonSerde.of(StationState.class);
  private final JsonSerde<Clock> clockSerde = JsonSerde.of(Clock.class);
  private final List<JsonSerde<Object>> valueSerdes = new ArrayList<>();
  private byte[][] records;
  private Snapshot current;
  private int next;

  @Setup
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void setUp() {
    records = Bundled.RECORDS;
    current = engine.empty();
    next = 0;
    for (Projection<?> p : engine.projections()) {
      valueSerdes.add((JsonSerde) JsonSerde.of(p.valueType()));
    }
  }

  /** What the fold does for each record: decode, then the engine. */
  @Benchmark
  public Outcome perRecord() {
    StationEvent event = EventCodec.read(records[next]);
    Outcome o = engine.apply(current, event);
    advance(o.snapshot());
    return o;
  }

  /** The same and the writes, as when every event gets its own commit: the clock and what changed, serialized. */
  @Benchmark
  public void perRecordWithWrite(Blackhole bh) {
    StationEvent event = EventCodec.read(records[next]);
    Outcome o = engine.apply(current, event);
    bh.consume(clockSerde.serialize(Bundled.CLOCK_TOPIC, o.snapshot().clock()));
    for (int i = 0; i < engine.size(); i++) {
      if (o.changed(i)) {
        bh.consume(valueSerdes.get(i).serialize(Bundled.CLOCK_TOPIC, o.snapshot().value(i)));
      }
    }
    advance(o.snapshot());
  }

  /** The fold before projections: the whole state document made and serialized three times per event. */
  @Benchmark
  public void perRecordBefore(Blackhole bh) {
    StationEvent event = EventCodec.read(records[next]);
    Outcome o = engine.apply(current, event);
    StationState state = Composite.state(engine, o.snapshot());
    bh.consume(stateSerde.serialize(Bundled.CLOCK_TOPIC, state));
    bh.consume(stateSerde.serialize(Bundled.CLOCK_TOPIC, state));
    bh.consume(stateSerde.serialize(Bundled.CLOCK_TOPIC, state));
    advance(o.snapshot());
  }

  private void advance(Snapshot after) {
    if (++next == records.length) {
      next = 0;
      current = engine.empty();
    } else {
      current = after;
    }
  }
}
