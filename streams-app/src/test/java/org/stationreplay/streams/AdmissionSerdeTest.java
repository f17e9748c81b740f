package org.stationreplay.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.StationEvent;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.projection.Admission;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Projections;

class AdmissionSerdeTest {
  @Test
  void shouldReadBackTheRulesStateAfterEveryEventOfTheHistory() {
    AdmissionSerde serde = new AdmissionSerde();
    ProjectionEngine engine = Projections.engine();
    Snapshot s = engine.empty();
    assertThat(serde.deserialize("t", serde.serialize("t", Admission.EMPTY))).isEqualTo(Admission.EMPTY);
    List<StationEvent> history = HistoryReader.bundled().events();
    for (StationEvent e : history) {
      s = engine.step(s, e);
      Admission a = s.admission();
      assertThat(serde.deserialize("t", serde.serialize("t", a))).as(e.id()).isEqualTo(a);
    }
    assertThat(s.admission().attached()).hasSizeGreaterThan(30);
    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }
}
