package org.stationreplay.producer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stationreplay.events.EventType;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.topics.CommittedLog;

/**
 * Finds where a replay stopped by reading the log itself: the last run marker of the station on
 * {@code station.events} and the last history event committed after it. The position comes from the topic, not
 * from a file the producer might not have written before it died.
 */
public final class ResumeLocator {
  private ResumeLocator() {}

  /**
   * @return empty if the station has no run on the topic (then start normally)
   * @throws IllegalStateException if the last event on the topic is not in {@code history}
   */
  public static Optional<ResumePoint> locate(Map<String, Object> clientConfig, String topic, String key,
      List<StationEvent> history) {
    Map<String, Integer> indexOf = new HashMap<>();
    for (int i = 0; i < history.size(); i++) {
      indexOf.put(history.get(i).id(), i);
    }
    JsonSerde<StationEvent> serde = JsonSerde.of(StationEvent.class);
    String[] found = new String[2]; // the last run marker, the last history event after it
    CommittedLog.readToEnd(clientConfig, topic, r -> {
      if (!key.equals(r.key()) || r.value() == null) {
        return;
      }
      StationEvent e;
      try {
        e = serde.deserialize(topic, r.value());
      } catch (RuntimeException unreadable) {
        return; // not ours to judge here: the Streams app sends it to the dead-letter topic
      }
      EventType type = EventType.of(e);
      if (type == EventType.REPLAY_STARTED) {
        found[0] = e.id();
        found[1] = null;
      } else if (type != EventType.CLOCK_TICKED) {
        found[1] = e.id();
      }
    });
    String run = found[0];
    String lastEvent = found[1];
    if (run == null) {
      return Optional.empty();
    }
    if (lastEvent == null) {
      return Optional.of(new ResumePoint(run, 0));
    }
    Integer index = indexOf.get(lastEvent);
    if (index == null) {
      throw new IllegalStateException("cannot resume: the last event on " + topic + " (" + lastEvent
          + ") is not in this history");
    }
    return Optional.of(new ResumePoint(run, index + 1));
  }
}
