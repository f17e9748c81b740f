package org.stationreplay.workshop;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * What the labs' checks share: one embedded KRaft broker for the whole session (started on first use, in a few
 * seconds, stopped when the JVM exits), and logs of the bundled history replayed onto topics of their own, so that
 * checks never see each other's records.
 */
public final class LabKit {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static EmbeddedKafkaBroker broker;
  private static History history;

  private LabKit() {}

  /** The broker's address; starts it on first use. */
  public static synchronized String bootstrapServers() {
    if (broker == null) {
      EmbeddedKafkaBroker started = EmbeddedKafkaBroker.start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "lab-broker-shutdown"));
      broker = started;
    }
    return broker.bootstrapServers();
  }

  /** Kafka client settings for the broker. */
  public static Map<String, Object> client() {
    return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  /** The bundled history (1998-2021), as the replay sends it. */
  public static synchronized History history() {
    if (history == null) {
      history = HistoryReader.bundled();
    }
    return history;
  }

  /** A name no other check in this JVM uses: {@code lab04-3-counter}. */
  public static String unique(String lab, String name) {
    return lab + "-" + SEQUENCE.incrementAndGet() + "-" + ProcessHandle.current().pid() + "-" + name;
  }

  /**
   * A fresh set of the system's topics, prefixed for this check, with the whole history replayed onto its event
   * topic at full speed by the real producer (run markers, clock ticks and all), as replay id {@code iss}.
   */
  public static TopicNames replayedLog(String lab) throws InterruptedException {
    TopicNames topics = TopicNames.prefixed(unique(lab, ""));
    ReplayJob.run(client(), ReplayRequest.once(history(), Speed.MAX, StationTopics.ISS), ReplayClock.SYSTEM,
        ReplayListener.NONE, topics, StationTopics.DEFAULT_PARTITIONS);
    return topics;
  }
}
