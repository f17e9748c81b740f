package org.stationreplay.workshop.lab05;

import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Lab 5: bad input loses nothing. Send the Streams app a record it cannot apply, and find it in the dead-letter
 * topic with the reason. See {@code workshop/labs/05-dead-letters/README.md}.
 */
public final class PoisonPill {
  private PoisonPill() {}

  /**
   * Sends one record to the event log that the app cannot apply (not JSON, or not a valid event, or an event the
   * station's rules refuse), keyed {@code replayId}.
   *
   * @return where it landed (topic, partition and offset), from the producer's acknowledgement
   */
  public static RecordMetadata send(String bootstrapServers, String eventsTopic, String replayId) {
    // TODO lab 5 (1 of 2): a KafkaProducer<String, String>; send a ProducerRecord(eventsTopic, replayId, value) and
    // wait for its RecordMetadata (send(...).get()).
    throw new UnsupportedOperationException("TODO lab 5: PoisonPill.send writes a bad record to the event log "
        + "(see workshop/labs/05-dead-letters/README.md)");
  }

  /**
   * The reason the app gave for refusing the record at {@code poison}: the {@code dlq.reason} header of its dead
   * letter, the record of {@code deadLetterTopic} whose {@code dlq.source.partition} and {@code dlq.source.offset}
   * headers point at it. Null if there is none.
   */
  public static String reasonFor(String bootstrapServers, String deadLetterTopic, RecordMetadata poison) {
    // TODO lab 5 (2 of 2): read deadLetterTopic from the beginning (read_committed), find the record whose headers
    // name poison's partition and offset, and return its dlq.reason header as a String.
    throw new UnsupportedOperationException("TODO lab 5: PoisonPill.reasonFor finds the dead letter and its reason "
        + "(see workshop/labs/05-dead-letters/README.md)");
  }
}
