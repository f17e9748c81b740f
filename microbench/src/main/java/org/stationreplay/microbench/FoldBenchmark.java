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
import org.stationreplay.events.StationEvent;
import org.stationreplay.projection.Outcome;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Projections;

/**
 * {@link StationFold#apply} alone, on objects in memory: one event per operation, the state folded forward through
 * the whole history and started again from {@link StationState#EMPTY} after the last event.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class FoldBenchmark {
  private final ProjectionEngine engine = Projections.engine();
  private StationEvent[] events;
  private Snapshot state;
  private int next;

  @Setup
  public void setUp() {
    events = Bundled.EVENTS;
    state = engine.empty();
    next = 0;
  }

  /** One event through the engine: the rules, then every registered projection. */
  @Benchmark
  public Outcome apply() {
    Outcome o = engine.apply(state, events[next]);
    if (++next == events.length) {
      next = 0;
      state = engine.empty();
    } else {
      state = o.snapshot();
    }
    return o;
  }
}
