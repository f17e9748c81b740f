package org.stationreplay.projections;

import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.MilestoneReached;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.Unchanged;
import org.stationreplay.state.Milestone;

/** The captioned milestones of the seed: how many have been reached, and the latest, for dashboards to show. */
public final class MilestonesProjection implements Projection<MilestonesProjection.Milestones> {
  public static final String NAME = "milestones";

  /** @param lastMilestone the latest milestone reached, or null */
  public record Milestones(int milestonesReached, Milestone lastMilestone) {
    public static final Milestones NONE = new Milestones(0, null);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Captioned milestones reached, and the latest";
  }

  @Override
  public Class<Milestones> valueType() {
    return Milestones.class;
  }

  @Override
  public Milestones initial() {
    return Milestones.NONE;
  }

  @Override
  public Milestones apply(Milestones value, HistoryEvent event) {
    return event.accept(new Unchanged<>(value) {
      @Override
      public Milestones milestoneReached(MilestoneReached e) {
        return new Milestones(value.milestonesReached() + 1, new Milestone(e.id(), e.time(), e.title(), e.caption()));
      }
    });
  }
}
