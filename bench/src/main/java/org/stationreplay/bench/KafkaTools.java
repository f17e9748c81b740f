package org.stationreplay.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.tools.ConsumerPerformance;
import org.apache.kafka.tools.ProducerPerformance;

/** Kafka's own performance tools, run in this JVM against the same broker, their summary lines parsed. */
final class KafkaTools {
  private KafkaTools() {}

  /** Records per second from ProducerPerformance's summary line. */
  static double producerPerformance(List<String> args) throws Exception {
    String out = capture(() -> ProducerPerformance.main(args.toArray(String[]::new)));
    // "1000000 records sent, 195694.7 records/sec (112.00 MB/sec), ..."
    String summary = Arrays.stream(out.split("\n")).filter(l -> l.contains("records sent,"))
        .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no ProducerPerformance summary:\n" + out));
    String[] parts = summary.split(",");
    return Double.parseDouble(parts[1].trim().split(" ")[0]);
  }

  /** Messages per second from ConsumerPerformance (fetch rate, which leaves the group join out). */
  static double consumerPerformance(List<String> args) throws Exception {
    String out = capture(() -> ConsumerPerformance.main(args.toArray(String[]::new)));
    String[] lines = out.strip().split("\n");
    String header = Arrays.stream(lines).filter(l -> l.startsWith("start.time")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no ConsumerPerformance header:\n" + out));
    List<String> names = Arrays.stream(header.split(",")).map(String::trim).toList();
    String values = lines[lines.length - 1];
    List<String> v = Arrays.stream(values.split(",")).map(String::trim).toList();
    return Double.parseDouble(v.get(names.indexOf("fetch.nMsg.sec")));
  }

  /** The size on the broker's disks of every partition of the topics {@code which} accepts, summed by topic. */
  static Map<String, Long> logSizes(Admin admin, java.util.function.Predicate<String> which) throws Exception {
    List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
    Map<String, Long> sizes = new java.util.TreeMap<>();
    admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(dir ->
        dir.replicaInfos().forEach((tp, info) -> {
          if (which.test(tp.topic())) {
            sizes.merge(tp.topic(), info.size(), Long::sum);
          }
        })));
    return sizes;
  }

  /** The number of offsets of a topic (all partitions): the records read by whoever reads it whole. */
  static long logEnd(Admin admin, String topic) throws Exception {
    Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request =
        new java.util.HashMap<>();
    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().forEach(p ->
        request.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
            org.apache.kafka.clients.admin.OffsetSpec.latest()));
    return admin.listOffsets(request).all().get().values().stream().mapToLong(i -> i.offset()).sum();
  }

  /** Bytes by what they are: the clock's topic, the projections' topics, changelogs, the rest. */
  static Map<String, Long> byKind(Map<String, Long> bytes, org.stationreplay.topics.TopicNames topics,
      String appId) {
    Map<String, Long> kinds = new java.util.LinkedHashMap<>();
    for (String kind : List.of("clock topic", "projection topics", "changelogs (stores)",
        "other (status, dead letters)")) {
      kinds.put(kind, 0L);
    }
    bytes.forEach((topic, size) -> {
      String kind = topic.equals(topics.clock()) ? "clock topic"
          : topic.startsWith(topics.projectionPrefix()) ? "projection topics"
          : topic.startsWith(appId + "-") ? "changelogs (stores)"
          : "other (status, dead letters)";
      kinds.merge(kind, size, Long::sum);
    });
    return kinds;
  }

  private interface Body {
    void run() throws Exception;
  }

  private static synchronized String capture(Body body) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(old);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
