package org.stationreplay.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.state.StationState;
import org.stationreplay.topics.CommittedLog;

/** The last committed state of every station on {@code station.state}. */
final class LatestStates {
  private LatestStates() {}

  static Map<String, StationState> read(Map<String, Object> clientConfig, String topic) {
    JsonSerde<StationState> serde = JsonSerde.of(StationState.class);
    Map<String, StationState> latest = new LinkedHashMap<>();
    CommittedLog.readToEnd(clientConfig, topic, r -> {
      if (r.key() != null) {
        latest.put(r.key(), r.value() == null ? null : serde.deserialize(topic, r.value()));
      }
    });
    latest.values().removeIf(java.util.Objects::isNull);
    return latest;
  }
}
