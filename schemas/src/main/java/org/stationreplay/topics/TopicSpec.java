package org.stationreplay.topics;

import java.util.Map;

/** A topic the system owns: its name, partition count and the configs it must have. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
  public TopicSpec {
    configs = Map.copyOf(configs);
  }

  public TopicSpec withName(String other) {
    return new TopicSpec(other, partitions, configs);
  }

  public TopicSpec withPartitions(int count) {
    return new TopicSpec(name, count, configs);
  }
}
