package org.stationreplay.projections;

import java.util.List;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.ProjectionEngine;

/** Every read model the system runs over the event log. Adding a projection is one line here. */
public final class Projections {
  public static final List<Projection<?>> ALL = List.of(
      new CrewProjection(),
      new ModulesProjection(),
      new OccupancyProjection(),
      new VehiclesProjection(),
      new SpacewalksProjection(),
      new MilestonesProjection(),
      new SpacewalkTimeProjection());

  private static final ProjectionEngine ENGINE = new ProjectionEngine(ALL);

  private Projections() {}

  /** The engine over {@link #ALL}. */
  public static ProjectionEngine engine() {
    return ENGINE;
  }
}
