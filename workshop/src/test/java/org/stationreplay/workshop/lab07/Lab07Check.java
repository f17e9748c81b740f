package org.stationreplay.workshop.lab07;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.VehicleArrived;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Unchanged;
import org.stationreplay.projections.CrewProjection;
import org.stationreplay.projections.Projections;
import org.stationreplay.projections.SpacewalkTimeProjection;
import org.stationreplay.streams.ProjectionTopics;
import org.stationreplay.streams.StationStreamsApp;
import org.stationreplay.streams.StreamsSettings;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;
import org.stationreplay.workshop.LabKit;

/**
 * Lab 7's check: the project's Streams app folds a replayed log into its projection topics; the learner's rebuild
 * of a projection from the log alone must equal what the app wrote, and must work as well for a projection the app
 * never ran.
 */
class Lab07Check {
  @Test
  void shouldRebuildAProjectionFromTheLogToWhatTheRunningAppWrote() throws Exception {
    String bootstrap = LabKit.bootstrapServers();
    TopicNames topics = LabKit.replayedLog("lab07");
    ProjectionEngine all = Projections.engine();
    Object expected = all.fold(LabKit.history().events()).value(all.indexOf(SpacewalkTimeProjection.NAME));
    StreamsSettings settings = new StreamsSettings(LabKit.unique("lab07", "app"), LabKit.client(),
        Files.createTempDirectory("lab07"), Duration.ofMillis(100), topics, StationTopics.DEFAULT_PARTITIONS);
    Object written;
    try (StationStreamsApp app = StationStreamsApp.start(settings)) {
      await().atMost(Duration.ofSeconds(90)).until(() -> expected.equals(ProjectionTopics.latest(LabKit.client(),
          topics, all, all.indexOf(SpacewalkTimeProjection.NAME)).get(StationTopics.ISS)));
      written = ProjectionTopics.latest(LabKit.client(), topics, all, all.indexOf(SpacewalkTimeProjection.NAME))
          .get(StationTopics.ISS);
    }

    assertThat(Rebuild.rebuild(bootstrap, topics.events(), StationTopics.ISS, new SpacewalkTimeProjection()))
        .as("spacewalk-time rebuilt from %s, against the app's station.projection.spacewalk-time", topics.events())
        .isEqualTo(written);
    assertThat(Rebuild.rebuild(bootstrap, topics.events(), StationTopics.ISS, new CrewProjection()))
        .as("crew rebuilt from the log, against the offline fold")
        .isEqualTo(all.fold(LabKit.history().events()).value(all.indexOf(CrewProjection.NAME)));
  }

  @Test
  void shouldBuildAProjectionTheAppNeverRanFromTheLogAlone() throws Exception {
    TopicNames topics = LabKit.replayedLog("lab07");
    Projection<Integer> visits = new VehicleVisits();
    Object expected = new ProjectionEngine(List.of(visits)).fold(LabKit.history().events()).value(0);
    assertThat(Rebuild.rebuild(LabKit.bootstrapServers(), topics.events(), StationTopics.ISS, visits))
        .as("a new projection (vehicle visits so far), rebuilt from the log").isEqualTo(expected);
  }

  /** A projection the system does not have: how many vehicles have arrived so far. */
  private static final class VehicleVisits implements Projection<Integer> {
    @Override
    public String name() {
      return "vehicle-visits";
    }

    @Override
    public String description() {
      return "Vehicles arrived so far";
    }

    @Override
    public Class<Integer> valueType() {
      return Integer.class;
    }

    @Override
    public Integer initial() {
      return 0;
    }

    @Override
    public Integer apply(Integer value, HistoryEvent event) {
      return event.accept(new Unchanged<>(value) {
        @Override
        public Integer vehicleArrived(VehicleArrived e) {
          return value + 1;
        }
      });
    }
  }
}
