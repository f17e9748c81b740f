package org.stationreplay.microbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;
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
import org.stationreplay.json.EventCodec;
import org.stationreplay.json.Json;
import org.stationreplay.json.SchemaValidator;

/**
 * Decoding one record value of {@code station.events}, per event, cycling through the whole history.
 * {@link #eventCodec} is the Streams app's path ({@code EventDecoder} calls {@code EventCodec.read(bytes)}: parse to
 * a tree, validate against the JSON Schema of the event's type and version, upcast, bind the tree). The others take
 * it apart: {@link #jacksonBind} binds the bytes straight to the record (no tree, no schema), {@link #parseTree},
 * {@link #schemaValidate} and {@link #bindTree} are its three costly steps one by one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Thread)
public class DecodeBenchmark {
  private static final ObjectReader EVENT_READER = Json.mapper().readerFor(StationEvent.class);

  private byte[][] records;
  private JsonNode[] trees;
  private SchemaValidator validator;
  private int next;

  @Setup
  public void setUp() throws IOException {
    records = Bundled.RECORDS;
    trees = new JsonNode[records.length];
    for (int i = 0; i < records.length; i++) {
      trees[i] = Json.mapper().readTree(records[i]);
    }
    validator = SchemaValidator.get();
  }

  private int index() {
    int i = next;
    next = i + 1 == records.length ? 0 : i + 1;
    return i;
  }

  /** bytes -> StationEvent as the Streams app decodes it: parse, schema-validate, upcast, bind. */
  @Benchmark
  public StationEvent eventCodec() {
    return EventCodec.read(records[index()]);
  }

  /** bytes -> StationEvent by Jackson alone, streaming, with no tree and no JSON Schema. */
  @Benchmark
  public StationEvent jacksonBind() throws IOException {
    return EVENT_READER.readValue(records[index()]);
  }

  /** Step 1 of the codec: bytes -> JsonNode tree. */
  @Benchmark
  public JsonNode parseTree() throws IOException {
    return Json.mapper().readTree(records[index()]);
  }

  /** Step 2 of the codec: the JSON Schema of the event's type and version, on an already parsed tree. */
  @Benchmark
  public List<String> schemaValidate() {
    return validator.validateEvent(trees[index()]);
  }

  /** Step 4 of the codec: tree -> record (step 3, the upcast, is a no-op for current-version records). */
  @Benchmark
  public StationEvent bindTree() throws IOException {
    return EVENT_READER.readValue(trees[index()]);
  }
}
