package org.stationreplay.streams;

import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The event log as the fold reads it besides its own input: one partition of {@code station.events} from an offset,
 * committed records only. Rebuilding a projection and time travel refold it; the fold's stores hold no copy of it.
 */
public interface EventLog {
  /** Reads one partition from {@code from} on. */
  Reader open(int partition, long from);

  /** The end of {@code partition} now: the offset after its last committed record. */
  long end(int partition);

  /** The offset the application {@code groupId} has committed on {@code partition}: where its stores stand. */
  OptionalLong committed(String groupId, int partition);

  /** A cursor on one partition. */
  interface Reader extends AutoCloseable {
    /** The next records before offset {@code until}, at most {@code max}; empty once there. */
    List<ConsumerRecord<String, byte[]>> next(long until, int max);

    /** The offset of the next record it will return. */
    long position();

    @Override
    void close();
  }

  /** For a topology built without a log (descriptions, tests that do not rebuild): every use fails. */
  EventLog NONE = new EventLog() {
    @Override
    public Reader open(int partition, long from) {
      throw new IllegalStateException("this topology was built without access to the event log");
    }

    @Override
    public long end(int partition) {
      throw new IllegalStateException("this topology was built without access to the event log");
    }

    @Override
    public OptionalLong committed(String groupId, int partition) {
      throw new IllegalStateException("this topology was built without access to the event log");
    }
  };
}
