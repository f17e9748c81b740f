package org.stationreplay.producer;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.control.ControlCommand;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicAdmin;
import org.stationreplay.topics.TopicNames;

/** The producer side end to end: make sure the topics are right, listen for commands, replay. */
public final class ReplayJob {
  private static final Logger log = LoggerFactory.getLogger(ReplayJob.class);

  private ReplayJob() {}

  /**
   * @param clientConfig Kafka client settings ({@code bootstrap.servers} and any security settings)
   * @return the number of events sent in the last run
   */
  public static int run(Map<String, Object> clientConfig, ReplayRequest request, ReplayClock clock,
      ReplayListener listener, TopicNames topics, int partitions) throws InterruptedException {
    try (Admin admin = Admin.create(clientConfig)) {
      TopicAdmin.ensure(admin, StationTopics.all(topics, partitions));
    }
    log.info("Replaying {} events from {} at speed {}", request.history().size(), request.history().name(),
        request.speed());
    BlockingQueue<ControlCommand> commands = new LinkedBlockingQueue<>();
    try (KafkaEventSink sink = KafkaEventSink.create(clientConfig, topics, request.key(), request.speed().isMax());
        ControlListener control = new ControlListener(clientConfig, topics.control(), request.key(), commands)) {
      // The sink is up first: its transactional id has fenced a crashed predecessor, so the log is final.
      ResumePoint resume = request.resume()
          ? ResumeLocator.locate(clientConfig, topics.events(), request.key(), request.history().events())
              .orElse(null)
          : null;
      if (request.resume()) {
        log.info(resume == null ? "Nothing to resume for {}: starting a new run" : "Resuming {} at {}",
            request.key(), resume);
      }
      ReplayEngine engine = new ReplayEngine(ReplayPlan.of(request, resume), clock, sink, commands, listener);
      try {
        return engine.run();
      } finally {
        sink.flush(); // keep what was sent when stopped (Ctrl-C)
      }
    }
  }
}
