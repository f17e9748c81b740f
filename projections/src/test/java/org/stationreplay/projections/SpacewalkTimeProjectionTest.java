package org.stationreplay.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationreplay.projection.Events.SRC;
import static org.stationreplay.projection.Events.docked;
import static org.stationreplay.projection.Events.t;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.SpacewalkPerformed;

class SpacewalkTimeProjectionTest {
  private final SpacewalkTimeProjection time = new SpacewalkTimeProjection();

  private static SpacewalkPerformed walk(String id, String when, Duration duration, String... crew) {
    return new SpacewalkPerformed(id, t(when), SpacewalkPerformed.SCHEMA_VERSION, SRC, null, null, List.of(crew),
        duration, null, null, null);
  }

  @Test
  void shouldAddUpTheSpacewalksAndKeepTheLongest() {
    SpacewalkTimeProjection.SpacewalkTime v = time.initial();
    v = time.apply(v, walk("2001-03-11-eva-1", "2001-03-11T05:12:00Z", Duration.ofMinutes(536), "James S. Voss",
        "Susan Helms"));
    v = time.apply(v, walk("2001-03-13-eva-2", "2001-03-13T04:47:00Z", Duration.ofMinutes(381), "Paul W. Richards",
        "Andy Thomas"));
    v = time.apply(v, walk("2001-06-08-eva", "2001-06-08", null, "Yury Usachev"));
    assertThat(v.spacewalks()).isEqualTo(3);
    assertThat(v.timed()).isEqualTo(2);
    assertThat(v.total()).isEqualTo(Duration.ofMinutes(536 + 381));
    assertThat(v.longest().eventId()).isEqualTo("2001-03-11-eva-1");
    assertThat(v.longest().crew()).containsExactly("James S. Voss", "Susan Helms");

    SpacewalkTimeProjection.SpacewalkTime tie = time.apply(v, walk("2002-eva", "2002-01-01",
        Duration.ofMinutes(536), "Someone"));
    assertThat(tie.longest().eventId()).as("the first of equals stays the longest").isEqualTo("2001-03-11-eva-1");
  }

  @Test
  void shouldNotChangeOnAnythingButASpacewalk() {
    assertThat(time.apply(time.initial(), docked("2001-03-10", "STS-102 Discovery"))).isSameAs(time.initial());
  }
}
