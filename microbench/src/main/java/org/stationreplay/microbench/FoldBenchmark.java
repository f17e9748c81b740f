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
import org.stationreplay.fold.StationFold;
import org.stationreplay.state.StationState;

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
  private StationEvent[] events;
  private StationState state;
  private int next;

  @Setup
  public void setUp() {
    events = Bundled.EVENTS;
    state = StationState.EMPTY;
    next = 0;
  }

  @Benchmark
  public StationState apply() {
    StationState s = StationFold.apply(state, events[next]);
    if (++next == events.length) {
      next = 0;
      state = StationState.EMPTY;
    } else {
      state = s;
    }
    return s;
  }
}
