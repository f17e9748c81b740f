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
    try (KafkaEventSink sink = KafkaEventSink.create(clientConfig, topics, request.speed().isMax());
        ControlListener control = new ControlListener(clientConfig, topics.control(), request.key(), commands)) {
      ReplayEngine engine = new ReplayEngine(clock, sink, commands, listener, request.key(),
          request.history().events(), request.from(), request.to(), request.speed(), request.maxGap(),
          request.loop(), request.exitWhenFinished());
      return engine.run();
    }
  }
}
