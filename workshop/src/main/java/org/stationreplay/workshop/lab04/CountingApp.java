package org.stationreplay.workshop.lab04;

import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Lab 4: exactly-once. A tiny Kafka Streams app writes one record per event it reads; the check crashes it in the
 * middle of the log, lets it start again, and counts. See {@code workshop/labs/04-exactly-once/README.md}.
 */
public final class CountingApp {
  private CountingApp() {}

  /**
   * One output record per input record: key the replay id, value the input's value. {@code eachRecord} runs before
   * each is written (the check uses it to crash the app once, part-way).
   */
  public static Topology topology(String input, String output, Runnable eachRecord) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()).withName("events"))
        .peek((key, value) -> eachRecord.run(), Named.as("each-record"))
        .to(output, Produced.with(Serdes.String(), Serdes.String()).withName("copies"));
    return builder.build();
  }

  /** The app's settings. */
  public static Properties settings(String bootstrapServers, String applicationId) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    // TODO lab 4 (1 of 2): which processing guarantee makes "one output per input" hold across a crash?
    return p;
  }

  /**
   * How many records {@code topic} holds, counted the way a downstream reader that must never count a record twice
   * (nor one that was never committed) would count them.
   */
  public static long count(String bootstrapServers, String topic) {
    // TODO lab 4 (2 of 2): read `topic` from the beginning to its end with a KafkaConsumer and count the records
    // it returns. Which isolation level must the consumer use?
    throw new UnsupportedOperationException("TODO lab 4: CountingApp.count reads the output topic and counts its "
        + "records (see workshop/labs/04-exactly-once/README.md)");
  }
}
