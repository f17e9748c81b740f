package org.stationreplay.workshop.lab01;

import java.time.Instant;

/**
 * Lab 1: read the raw log. The event log is the source of truth; before any framework, read it the way every Kafka
 * application does underneath, with a plain consumer. See {@code workshop/labs/01-read-the-log/README.md}.
 */
public final class FirstOccupancy {
  private FirstOccupancy() {}

  /**
   * When the station was first occupied: the time of the first {@code CrewArrived} event that brought expedition
   * crew aboard (a member whose role is {@code EXPEDITION}; shuttle crews who visited before were {@code VISITOR}s).
   *
   * @param bootstrapServers the broker, for {@code bootstrap.servers}
   * @param topic the event log: JSON events, keyed by replay id, over several partitions
   */
  public static Instant find(String bootstrapServers, String topic) {
    // TODO lab 1: read every record of `topic` from the beginning with a KafkaConsumer<String, String>, decode each
    // value with EventCodec.read(...), and return the time of the first CrewArrived with an EXPEDITION member.
    throw new UnsupportedOperationException("TODO lab 1: FirstOccupancy.find reads the log and returns the time of "
        + "the first CrewArrived with expedition crew (see workshop/labs/01-read-the-log/README.md)");
  }
}
