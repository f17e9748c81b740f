package org.stationreplay.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes sure topics exist with the configs the system relies on (creates them, or corrects their configs). */
public final class TopicAdmin {
  private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

  private TopicAdmin() {}

  public static void ensure(Admin admin, Collection<TopicSpec> specs) {
    try {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      Map<ConfigResource, Collection<AlterConfigOp>> corrections = new HashMap<>();
      for (TopicSpec spec : specs) {
        if (existing.contains(spec.name())) {
          corrections.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()),
              spec.configs().entrySet().stream()
                  .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                  .toList());
        } else {
          // Replication factor from the broker's default.replication.factor: 1 embedded, 3 on a cluster.
          missing.add(new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
              .configs(spec.configs()));
        }
      }
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get();
          missing.forEach(t -> log.info("Created topic {} with {}", t.name(), t.configs()));
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      if (!corrections.isEmpty()) {
        admin.incrementalAlterConfigs(corrections).all().get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot set up topics: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting up topics", e);
    }
  }
}
