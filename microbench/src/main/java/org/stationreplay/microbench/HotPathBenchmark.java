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
import org.stationreplay.fold.StationFold;
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.state.StationState;

/**
 * The Streams app's work per record of {@code station.events}, without Kafka and without RocksDB: what
 * {@code EventDecoder} and {@code FoldProcessor.process} do to the bytes and objects, in the same order.
 * <ol>
 *   <li>decode the record value ({@code EventCodec.read}: parse, schema-validate, upcast, bind);</li>
 *   <li>{@code store.get}: the latest state's bytes deserialized (the store's value serde is {@link JsonSerde});</li>
 *   <li>{@link StationFold#apply};</li>
 *   <li>{@code store.put}: the new state serialized (those bytes go to RocksDB and its changelog, and are what the
 *       next record's get reads here);</li>
 *   <li>{@code history.put}: serialized again for the versioned store;</li>
 *   <li>forward to the sink: serialized a third time for {@code station.state}.</li>
 * </ol>
 * One event per operation, cycling through the history; after the last event the stored state is dropped and the
 * next cycle starts from {@link StationState#EMPTY}, as after a replay run's opening marker. Left out: the
 * duplicate-id store (a short string get and put), RocksDB, the changelogs and the producer.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class HotPathBenchmark {
  private static final String CHANGELOG = "station-streams-station-state-store-changelog";
  private static final String HISTORY_CHANGELOG = "station-streams-station-state-history-changelog";

  private final JsonSerde<StationState> stateSerde = JsonSerde.of(StationState.class);
  private byte[][] records;
  /** The store's value for the station: null before the first event, as in an empty store. */
  private byte[] stored;
  private StationState current = StationState.EMPTY;
  private int next;

  @Setup
  public void setUp() {
    records = Bundled.RECORDS;
    stored = null;
    current = StationState.EMPTY;
    next = 0;
  }

  /**
   * As the fold does it now: the latest state comes from the processor's per-station map (no deserialize), and
   * the new state is serialized once for its three writes ({@code SerializeOnce}).
   */
  @Benchmark
  public byte[] perRecord() {
    StationEvent event = EventCodec.read(records[next]);
    StationState state = StationFold.apply(current, event);
    byte[] out = stateSerde.serialize(CHANGELOG, state);
    if (++next == records.length) {
      next = 0;
      current = StationState.EMPTY;
    } else {
      current = state;
    }
    return out;
  }

  /** As the fold did it before the bench (the "before" column of BENCHMARKS.md): one deserialize, three serializes. */
  @Benchmark
  public byte[] perRecordBefore(Blackhole bh) {
    StationEvent event = EventCodec.read(records[next]);
    StationState current = stateSerde.deserialize(CHANGELOG, stored);
    StationState state = StationFold.apply(current == null ? StationState.EMPTY : current, event);
    byte[] latest = stateSerde.serialize(CHANGELOG, state);
    bh.consume(stateSerde.serialize(HISTORY_CHANGELOG, state));
    byte[] out = stateSerde.serialize(Bundled.STATE_TOPIC, state);
    if (++next == records.length) {
      next = 0;
      stored = null;
    } else {
      stored = latest;
    }
    return out;
  }
}
