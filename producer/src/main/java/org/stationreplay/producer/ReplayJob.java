package org.stationreplay.producer;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.stationreplay.events.StationEvent;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicAdmin;
import org.stationreplay.topics.TopicNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The producer side end to end: make sure the topic is right, then replay the history onto it. */
public final class ReplayJob {
  private static final Logger log = LoggerFactory.getLogger(ReplayJob.class);

  private ReplayJob() {}

  /**
   * @param clientConfig Kafka client settings ({@code bootstrap.servers} and any security settings)
   * @return the number of events sent
   */
  public static int run(Map<String, Object> clientConfig, ReplayRequest request, ReplayClock clock,
      ReplayListener listener, TopicNames topics, int partitions) throws InterruptedException {
    try (Admin admin = Admin.create(clientConfig)) {
      TopicAdmin.ensure(admin, List.of(StationTopics.events(topics, partitions)));
    }
    List<StationEvent> events = request.selectedEvents();
    ReplaySchedule schedule = request.schedule(events);
    log.info("Replaying {} events from {} at speed {} (about {} s)", events.size(), request.history().name(),
        request.speed(), schedule.duration().toSeconds());
    try (KafkaEventSink sink = KafkaEventSink.create(clientConfig, topics.events(), request.speed().isMax())) {
      return new Replayer(clock, sink, listener).replay(request.key(), events, schedule);
    }
  }
}
