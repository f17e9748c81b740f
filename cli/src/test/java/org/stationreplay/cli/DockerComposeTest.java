package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;
import org.stationreplay.topics.TopicSpec;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docker-compose.yml cannot run here (no Docker), so it is checked against the code: a compose file that drifts
 * from the jar it runs fails this test, not a workshop.
 */
class DockerComposeTest {
  private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
  /** Read by the launcher or the CLI itself, not options of a command. */
  private static final Set<String> GLOBAL_VARIABLES = Set.of("STATION_CONFIG", "STATION_DEBUG");

  private static Map<String, Object> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws Exception {
    try (Reader r = Files.newBufferedReader(COMPOSE)) {
      Map<String, Object> compose = new Yaml().load(r);
      services = (Map<String, Object>) compose.get("services");
    }
  }

  @Test
  void shouldRunTheKafkaVersionTheBuildUses() {
    Set<String> images = new HashSet<>();
    services.values().forEach(s -> {
      String image = (String) map(s).get("image");
      if (image.startsWith("apache/kafka")) {
        images.add(image);
      }
    });
    assertThat(images).containsExactly("apache/kafka:" + kafkaVersion());
    assertThat(services).containsKeys("kafka-1", "kafka-2", "kafka-3");
  }

  @Test
  void shouldCreateEveryTopicTheCodeUsesWithItsConfigs() {
    String script = String.join("\n", list(map(services.get("topics")).get("command")));
    Matcher partitionsFlag = Pattern.compile("--partitions (\\d+)").matcher(script);
    assertThat(partitionsFlag.find()).as("the topics script sets --partitions").isTrue();
    int partitions = Integer.parseInt(partitionsFlag.group(1));

    Map<String, Map<String, String>> created = new LinkedHashMap<>();
    Matcher create = Pattern.compile("(?m)^\\s*create --topic (\\S+)(.*)$").matcher(script);
    while (create.find()) {
      Map<String, String> configs = new HashMap<>();
      Matcher config = Pattern.compile("--config (\\S+)=(\\S+)").matcher(create.group(2));
      while (config.find()) {
        configs.put(config.group(1), config.group(2));
      }
      created.put(create.group(1), configs);
    }
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    for (TopicSpec spec : StationTopics.all(TopicNames.DEFAULT, partitions)) {
      expected.put(spec.name(), spec.configs());
    }
    assertThat(created).isEqualTo(expected);

    // The apps create missing topics with --partitions: the same count as the script, or keys would move.
    stationServices().forEach((name, service) ->
        assertThat(env(service)).as(name).containsEntry("STATION_PARTITIONS", String.valueOf(partitions)));
  }

  @Test
  void shouldSetOnlyVariablesTheCommandReads() {
    assertThat(stationServices()).isNotEmpty();
    stationServices().forEach((name, service) -> {
      List<String> command = list(service.get("command"));
      int jar = command.indexOf("-jar");
      assertThat(command.get(jar + 1)).isEqualTo("/app/station.jar");
      assertThat(list(service.get("volumes"))).contains("./cli/target/station.jar:/app/station.jar:ro");
      String subcommand = command.get(jar + 2);
      CommandLine cli = new CommandLine(new StationCli()).getSubcommands().get(subcommand);
      assertThat(cli).as(name + " runs station " + subcommand).isNotNull();
      Set<String> read = new HashSet<>(GLOBAL_VARIABLES);
      for (OptionSpec option : cli.getCommandSpec().options()) {
        read.add(ConfigDefaults.envName(option));
      }
      assertThat(env(service).keySet()).as(name + ": variables station " + subcommand + " reads")
          .allMatch(v -> !v.startsWith("STATION_") || read.contains(v), "a STATION_ option of the command")
          .isSubsetOf(read);
    });
  }

  @Test
  void shouldRunTwoStreamsInstancesThatCanReachEachOther() {
    Map<String, Map<String, Object>> streams = new LinkedHashMap<>();
    stationServices().forEach((name, service) -> {
      if (list(service.get("command")).contains("stream")) {
        streams.put(name, service);
      }
    });
    assertThat(streams).hasSizeGreaterThanOrEqualTo(2);
    Set<String> stateDirs = new HashSet<>();
    Set<String> urls = new HashSet<>();
    streams.forEach((name, service) -> {
      Map<String, String> env = env(service);
      URI url = URI.create(env.get("STATION_ADVERTISED_URL"));
      assertThat(url.getHost()).as(name + " advertises its own host name").isEqualTo(service.get("hostname"));
      assertThat(String.valueOf(url.getPort())).isEqualTo(env.get("STATION_HTTP_PORT"));
      assertThat(list(service.get("ports"))).anyMatch(p -> p.endsWith(":" + env.get("STATION_HTTP_PORT")));
      assertThat(env.get("STATION_HTTP_HOST")).isEqualTo("0.0.0.0");
      assertThat(env).as(name + " listens beyond loopback: its control endpoints need a token")
          .containsKey("STATION_CONTROL_TOKEN");
      assertThat(Integer.parseInt(env.get("STATION_STANDBY_REPLICAS"))).isPositive();
      stateDirs.add(env.get("STATION_STATE_DIR"));
      urls.add(env.get("STATION_ADVERTISED_URL"));
    });
    assertThat(stateDirs).hasSameSizeAs(streams.keySet());
    assertThat(urls).hasSameSizeAs(streams.keySet());
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldScrapeEveryStreamsInstancesMetricsEndpoint() throws Exception {
    Map<String, Object> prometheus = map(services.get("prometheus"));
    assertThat(prometheus).as("a prometheus service").isNotNull();
    String mount = list(prometheus.get("volumes")).stream()
        .filter(v -> v.contains(":/etc/prometheus/prometheus.yml")).findFirst().orElseThrow();
    Path config = Path.of("..").resolve(mount.substring(0, mount.indexOf(':')));
    Map<String, Object> scrape;
    try (Reader r = Files.newBufferedReader(config)) {
      scrape = new Yaml().load(r);
    }
    Set<String> targets = new HashSet<>();
    for (Object job : (List<Object>) scrape.get("scrape_configs")) {
      assertThat(map(job).getOrDefault("metrics_path", "/metrics")).as("the path the Streams app serves")
          .isEqualTo(org.stationreplay.streams.StateHttpServer.METRICS_PATH);
      for (Object group : (List<Object>) map(job).get("static_configs")) {
        targets.addAll(list(map(group).get("targets")));
      }
    }
    Set<String> expected = new HashSet<>();
    stationServices().forEach((name, service) -> {
      if (list(service.get("command")).contains("stream")) {
        expected.add(service.get("hostname") + ":" + env(service).get("STATION_HTTP_PORT"));
      }
    });
    assertThat(targets).as("every Streams instance's HTTP port, nothing else").isEqualTo(expected);
  }

  @Test
  void shouldMountOnlyFilesThatExist() {
    services.forEach((name, s) -> list(map(s).getOrDefault("volumes", List.of())).stream()
        .filter(v -> v.startsWith("./docs/"))
        .forEach(v -> assertThat(Path.of("..").resolve(v.substring(0, v.indexOf(':')))).as(name + ": " + v)
            .exists()));
  }

  /** The version of the Kafka clients this build runs with, as kafka-clients itself records it. */
  private static String kafkaVersion() {
    java.util.Properties p = new java.util.Properties();
    try (var in = org.apache.kafka.clients.producer.KafkaProducer.class.getResourceAsStream(
        "/kafka/kafka-version.properties")) {
      p.load(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static Map<String, Map<String, Object>> stationServices() {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    services.forEach((name, s) -> {
      if (list(map(s).getOrDefault("command", List.of())).contains("/app/station.jar")) {
        out.put(name, map(s));
      }
    });
    return out;
  }

  private static Map<String, String> env(Map<String, Object> service) {
    Map<String, String> out = new HashMap<>();
    map(service.getOrDefault("environment", Map.of())).forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object o) {
    return o instanceof List<?> l ? (List<String>) l : List.of(String.valueOf(o));
  }
}
