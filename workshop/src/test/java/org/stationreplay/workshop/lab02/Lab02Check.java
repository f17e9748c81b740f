package org.stationreplay.workshop.lab02;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.StationEvent;
import org.stationreplay.json.Json;
import org.stationreplay.json.SchemaValidator;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.CrewProjection;
import org.stationreplay.state.PersonAboard;
import org.stationreplay.workshop.LabKit;
import org.stationreplay.workshop.lab02.PeopleByAgencyProjection.PeopleByAgency;

/**
 * Lab 2's check: the learner's projection, folded by the real engine over the whole history beside the project's
 * crew projection, must say after every event who is aboard for each agency.
 */
class Lab02Check {
  private final PeopleByAgencyProjection projection = new PeopleByAgencyProjection();

  @Test
  void shouldStartWithNobodyAboard() {
    assertThat(projection.initial().aboard()).as("initial(): nobody is aboard before the first event").isEmpty();
  }

  @Test
  void shouldKnowWhoIsAboardForEachAgencyAfterEveryEventOfTheHistory() {
    ProjectionEngine engine = new ProjectionEngine(List.of(new CrewProjection(), projection));
    Snapshot s = engine.empty();
    for (StationEvent e : LabKit.history().events()) {
      Snapshot before = s;
      s = engine.step(s, e);
      SortedMap<String, List<String>> expected = byAgency((CrewProjection.Crew) s.value(0));
      PeopleByAgency yours = (PeopleByAgency) s.value(1);
      if (!yours.aboard().equals(expected)) {
        assertThat(yours.aboard())
            .as("after %s (%s, %s), aboard by agency (before it: %s): does apply() handle %s?", e.id(), e.type(),
                e.time(), ((PeopleByAgency) before.value(1)).aboard(), e.type())
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void shouldWriteValuesTheSchemaAccepts() {
    ProjectionEngine engine = new ProjectionEngine(List.of(projection));
    Snapshot s = engine.empty();
    for (StationEvent e : LabKit.history().events()) {
      s = engine.step(s, e);
      List<String> problems = SchemaValidator.get().validateAgainst("projections/people-by-agency.schema.json",
          Json.mapper().valueToTree(s.value(0)));
      assertThat(problems).as("the value after %s, %s, against schemas/projections/people-by-agency.schema.json",
          e.id(), Json.write(s.value(0))).isEmpty();
    }
  }

  private static SortedMap<String, List<String>> byAgency(CrewProjection.Crew crew) {
    SortedMap<String, List<String>> m = new TreeMap<>();
    for (PersonAboard p : crew.crew()) {
      m.computeIfAbsent(p.agency().name(), a -> new ArrayList<>()).add(p.name());
    }
    m.replaceAll((a, names) -> names.stream().sorted().toList());
    return m;
  }
}
