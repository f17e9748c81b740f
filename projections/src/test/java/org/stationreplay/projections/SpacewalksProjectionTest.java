package org.stationreplay.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationreplay.projection.Events.milestone;
import static org.stationreplay.projection.Events.spacewalk;

import org.junit.jupiter.api.Test;

class SpacewalksProjectionTest {
  private final SpacewalksProjection spacewalks = new SpacewalksProjection();

  @Test
  void shouldCountSpacewalksAndNothingElse() {
    SpacewalksProjection.Spacewalks s = spacewalks.initial();
    s = spacewalks.apply(s, spacewalk("1998-12-07T22:10:00Z", "Jerry Ross", "James Newman"));
    s = spacewalks.apply(s, spacewalk("1998-12-09T20:33:00Z", "Jerry Ross", "James Newman"));
    assertThat(s.spacewalks()).isEqualTo(2);
    assertThat(spacewalks.apply(s, milestone("2000-11-02", "Expedition 1"))).isSameAs(s);
  }
}
