package org.stationreplay.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.ReplayStarted;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.EventCodec;

/**
 * The current run of each replay as the engine admitted it: the record values of {@code station.events}, byte for
 * byte, keyed by replay and position in the run (0 for the run's {@code ReplayStarted} marker, then 1, 2... for the
 * history events it admitted; clock ticks and refused records are not kept). It is what time travel refolds
 * ({@code /api/state?at=}) and what one projection is rebuilt from, and it is bounded: a new run of a replay
 * overwrites the positions of the one before, so {@code --loop} does not make it grow.
 *
 * <p>Keys are {@code [length of the replay id: 2 bytes][replay id, UTF-8][position: 4 bytes, big-endian]}, so a
 * replay's run is one ordered range whatever its id.
 */
final class RunLog {
  static final int MARKER = 0;

  private RunLog() {}

  static Bytes key(String replay, long position) {
    byte[] id = replay.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(2 + id.length + 4).putShort((short) id.length).put(id)
        .putInt((int) position).array());
  }

  /** The run's marker, if the run began with one (a log written without the replay, such as a file, has none). */
  static Optional<ReplayStarted> marker(ReadOnlyKeyValueStore<Bytes, byte[]> store, String replay) {
    byte[] raw = store.get(key(replay, MARKER));
    if (raw == null) {
      return Optional.empty();
    }
    StationEvent e = EventCodec.read(raw);
    return e instanceof ReplayStarted m ? Optional.of(m) : Optional.empty();
  }

  /** The run's admitted history events, positions 1 to {@code count}, in order. */
  static List<HistoryEvent> admitted(ReadOnlyKeyValueStore<Bytes, byte[]> store, String replay, long count) {
    List<HistoryEvent> events = new ArrayList<>((int) Math.min(count, 100_000));
    if (count <= 0) {
      return events;
    }
    try (KeyValueIterator<Bytes, byte[]> it = store.range(key(replay, 1), key(replay, count))) {
      while (it.hasNext()) {
        KeyValue<Bytes, byte[]> kv = it.next();
        events.add((HistoryEvent) EventCodec.read(kv.value));
      }
    }
    if (events.size() != count) {
      throw new IllegalStateException("the run log of replay " + replay + " holds " + events.size()
          + " events where the clock counts " + count);
    }
    return events;
  }
}
