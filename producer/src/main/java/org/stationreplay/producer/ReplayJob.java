package org.stationreplay.producer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.control.ControlCommand;
import org.stationreplay.control.ReplayStatus;
import org.stationreplay.json.Json;
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
      boolean failed = false;
      try {
        return engine.run();
      } catch (RuntimeException e) {
        failed = true;
        reportFailure(clientConfig, topics, engine.status().failed(reason(e), clock.wallTime()));
        throw e;
      } finally {
        try {
          sink.flush(); // keep what was sent when stopped (Ctrl-C)
        } catch (RuntimeException e) {
          if (!failed) {
            throw e;
          }
          log.debug("Could not flush after the failure", e); // the failure itself is what matters
        }
      }
    }
  }

  /** One line for people: what failed, and its message. */
  static String reason(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    return e.getClass().getSimpleName() + message;
  }

  /**
   * A replay never dies silently: its status becomes {@code FAILED}, with the reason, on
   * {@code station.replay-status}. Written by a producer of its own, outside any transaction: the replay's own
   * producer may be what failed.
   */
  private static void reportFailure(Map<String, Object> clientConfig, TopicNames topics, ReplayStatus status) {
    log.error("Replay {} failed at event {} of {}: {}", status.station(), status.eventsSent(), status.totalEvents(),
        status.reason());
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
        new ByteArraySerializer())) {
      byte[] value = Json.write(status).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      producer.send(new ProducerRecord<>(topics.replayStatus(), status.station(), value)).get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.error("Could not publish the failure of replay {} ({}); the log above is all there is", status.station(),
          e.getMessage());
    }
  }
}
