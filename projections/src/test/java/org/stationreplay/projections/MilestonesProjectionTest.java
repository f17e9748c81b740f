package org.stationreplay.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationreplay.projection.Events.milestone;
import static org.stationreplay.projection.Events.spacewalk;

import org.junit.jupiter.api.Test;

class MilestonesProjectionTest {
  private final MilestonesProjection milestones = new MilestonesProjection();

  @Test
  void shouldKeepTheLatestMilestoneAndCountThem() {
    MilestonesProjection.Milestones m = milestones.initial();
    assertThat(m.lastMilestone()).isNull();
    m = milestones.apply(m, milestone("1998-11-20", "First module"));
    m = milestones.apply(m, milestone("2000-11-02", "Expedition 1"));
    assertThat(m.milestonesReached()).isEqualTo(2);
    assertThat(m.lastMilestone().title()).isEqualTo("Expedition 1");
    assertThat(m.lastMilestone().caption()).isEqualTo("Expedition 1 caption");
    assertThat(milestones.apply(m, spacewalk("2000-12-03", "Joseph Tanner"))).isSameAs(m);
  }
}
