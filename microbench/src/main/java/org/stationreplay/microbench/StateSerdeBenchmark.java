package org.stationreplay.microbench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.state.StationState;

/**
 * The state serde of the stores and of {@code station.state} ({@link JsonSerde} of {@link StationState}) on a
 * typical late-history state: the station after event 900 of the history (2019).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class StateSerdeBenchmark {
  static final int AFTER_EVENTS = 900;

  private final JsonSerde<StationState> serde = JsonSerde.of(StationState.class);
  private StationState state;
  private byte[] json;

  @Setup(Level.Trial)
  public void setUp() {
    state = Bundled.stateAfter(AFTER_EVENTS);
    json = serde.serialize(Bundled.CLOCK_TOPIC, state);
    if (!serde.deserialize(Bundled.CLOCK_TOPIC, json).equals(state)) {
      throw new IllegalStateException("the state does not survive a JSON round trip");
    }
    System.out.printf("%nstate after event %d (%s, %s): %,d bytes of JSON, %d aboard, %d modules, %d elements,"
            + " %d vehicles%n", AFTER_EVENTS, state.lastEventId(), state.asOf(), json.length, state.peopleAboard(),
        state.moduleCount(), state.elements().size(), state.visitingVehicles().size());
    System.out.println(new String(json, StandardCharsets.UTF_8).substring(0, Math.min(160, json.length)) + "...");
  }

  /** StationState -> JSON bytes: what every store put and the sink do. */
  @Benchmark
  public byte[] serialize() {
    return serde.serialize(Bundled.CLOCK_TOPIC, state);
  }

  /** JSON bytes -> StationState: what the store get does. */
  @Benchmark
  public StationState deserialize() {
    return serde.deserialize(Bundled.CLOCK_TOPIC, json);
  }
}
