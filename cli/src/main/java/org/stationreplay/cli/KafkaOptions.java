package org.stationreplay.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;
import picocli.CommandLine.Option;

/** The Kafka connection options every networked command shares. */
final class KafkaOptions {
  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrapServers;

  @Option(names = "--client-config", paramLabel = "FILE",
      description = "Kafka client properties (security: SASL_SSL, mTLS...) passed unchanged to every client.")
  Path clientConfigFile;

  @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
      description = "Prefix for every topic name, to keep several systems apart on one cluster.")
  String topicPrefix;

  @Option(names = "--partitions", defaultValue = "" + StationTopics.DEFAULT_PARTITIONS,
      description = "Partitions of topics this command creates (default: ${DEFAULT-VALUE}).")
  int partitions;

  Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    if (clientConfigFile != null) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(clientConfigFile)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read client config " + clientConfigFile + ": " + e.getMessage(), e);
      }
      p.forEach((k, v) -> config.put((String) k, v));
    }
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  TopicNames topics() {
    return TopicNames.prefixed(topicPrefix);
  }
}
