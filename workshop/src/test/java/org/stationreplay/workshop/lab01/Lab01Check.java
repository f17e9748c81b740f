package org.stationreplay.workshop.lab01;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.StationEvent;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.CrewProjection;
import org.stationreplay.projections.Projections;
import org.stationreplay.topics.TopicNames;
import org.stationreplay.workshop.LabKit;

/** Lab 1's check: the whole history replayed onto a fresh topic, then read by the learner's consumer. */
class Lab01Check {
  private static TopicNames topics;

  @BeforeAll
  static void replayTheHistory() throws InterruptedException {
    topics = LabKit.replayedLog("lab01");
  }

  @Test
  void shouldFindWhenTheStationWasFirstOccupied() {
    Instant expected = firstOccupied();
    Instant found = FirstOccupancy.find(LabKit.bootstrapServers(), topics.events());
    assertThat(found)
        .as("FirstOccupancy.find returned null: did it read the topic from the beginning (seekToBeginning, or "
            + "auto.offset.reset=earliest) and keep polling until every partition was read to its end?")
        .isNotNull();
    assertThat(found.isBefore(expected))
        .as("FirstOccupancy.find returned %s, before the first expedition crew arrived: was that a visiting crew "
            + "(role VISITOR)? Occupancy starts with a member whose role is EXPEDITION.", found)
        .isFalse();
    assertThat(found)
        .as("FirstOccupancy.find returned %s, but an expedition crew arrived earlier: are you reading every "
            + "partition, and every record of each poll?", found)
        .isEqualTo(expected);
  }

  /** Independently of the learner: the first event after which the crew projection counts expedition crew. */
  private static Instant firstOccupied() {
    ProjectionEngine engine = Projections.engine();
    int crew = engine.indexOf(CrewProjection.NAME);
    Snapshot s = engine.empty();
    for (StationEvent e : LabKit.history().events()) {
      s = engine.step(s, e);
      if (((CrewProjection.Crew) s.value(crew)).expeditionCrew() > 0) {
        return e.time();
      }
    }
    throw new IllegalStateException("the history has no expedition crew");
  }
}
