package org.stationreplay.projections;

import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.Unchanged;

/** How many spacewalks have been made from the station (or from a Shuttle docked to it, for its assembly). */
public final class SpacewalksProjection implements Projection<SpacewalksProjection.Spacewalks> {
  public static final String NAME = "spacewalks";

  public record Spacewalks(int spacewalks) {
    public static final Spacewalks NONE = new Spacewalks(0);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Spacewalks made so far";
  }

  @Override
  public Class<Spacewalks> valueType() {
    return Spacewalks.class;
  }

  @Override
  public Spacewalks initial() {
    return Spacewalks.NONE;
  }

  @Override
  public Spacewalks apply(Spacewalks value, HistoryEvent event) {
    return event.accept(new Unchanged<>(value) {
      @Override
      public Spacewalks spacewalkPerformed(SpacewalkPerformed e) {
        return new Spacewalks(value.spacewalks() + 1);
      }
    });
  }
}
