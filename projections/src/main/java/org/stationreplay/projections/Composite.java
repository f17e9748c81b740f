package org.stationreplay.projections;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.stationreplay.json.Json;
import org.stationreplay.projection.Clock;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.state.StationState;

/**
 * The dashboard's one document, composed from the projections: the {@link StationState} fields (the clock and the
 * six read models behind them, as {@code GET /api/state} has always served them) and, under {@code projections},
 * the value of every other registered projection by name. Nothing here folds: it only arranges values.
 */
public final class Composite {
  /** The projections whose values are the {@link StationState} fields. */
  public static final Set<String> CORE = Set.of(CrewProjection.NAME, ModulesProjection.NAME, OccupancyProjection.NAME,
      VehiclesProjection.NAME, SpacewalksProjection.NAME, MilestonesProjection.NAME);

  private Composite() {}

  /** The state document of version 1, from a snapshot (a core projection the engine lacks counts as empty). */
  public static StationState state(ProjectionEngine engine, Snapshot snapshot) {
    return state(snapshot.clock(), new Values(engine, snapshot.values()));
  }

  /**
   * The same from values kept apart (the dashboard's feed holds the latest value of each projection).
   *
   * @param values the engine's projections' values, in its order; null for one not known yet (its initial value)
   */
  public static StationState state(Clock clock, Values values) {
    CrewProjection.Crew crew = values.get(CrewProjection.NAME, CrewProjection.Crew.NONE);
    ModulesProjection.Modules modules = values.get(ModulesProjection.NAME, ModulesProjection.Modules.NONE);
    OccupancyProjection.Occupancy occupancy = values.get(OccupancyProjection.NAME, OccupancyProjection.Occupancy.NONE);
    VehiclesProjection.Vehicles vehicles = values.get(VehiclesProjection.NAME, VehiclesProjection.Vehicles.NONE);
    SpacewalksProjection.Spacewalks spacewalks =
        values.get(SpacewalksProjection.NAME, SpacewalksProjection.Spacewalks.NONE);
    MilestonesProjection.Milestones milestones =
        values.get(MilestonesProjection.NAME, MilestonesProjection.Milestones.NONE);
    return new StationState(clock.asOf(), 0, 0, crew.expedition(), crew.crew(), modules.modules(), 0,
        modules.elements(), occupancy.occupiedSince(), 0, vehicles.visitingVehicles(), spacewalks.spacewalks(),
        milestones.lastMilestone(), clock.lastEvent(), clock.lastEvent() == null ? null : clock.lastEvent().id(),
        clock.lastEvent() == null ? null : clock.lastEvent().time(), clock.eventsApplied(), clock.run());
  }

  /** The whole document as JSON: the state fields, then {@code "projections"} with every non-core projection. */
  public static ObjectNode json(ProjectionEngine engine, Snapshot snapshot) {
    return json(snapshot.clock(), new Values(engine, snapshot.values()));
  }

  public static ObjectNode json(Clock clock, Values values) {
    ObjectNode doc = Json.mapper().valueToTree(state(clock, values));
    ObjectNode others = doc.putObject("projections");
    List<Projection<?>> all = values.engine().projections();
    for (int i = 0; i < all.size(); i++) {
      Projection<?> p = all.get(i);
      if (!CORE.contains(p.name())) {
        Object v = values.list().get(i);
        others.set(p.name(), Json.mapper().valueToTree(v == null ? p.initial() : v));
      }
    }
    return doc;
  }

  /** The values of an engine's projections, in its order, looked up by name. */
  public record Values(ProjectionEngine engine, List<?> list) {
    public Values {
      list = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list)); // may hold nulls
    }

    <S> S get(String name, S absent) {
      int i = engine.indexOf(name);
      Object v = i < 0 ? null : list.get(i);
      @SuppressWarnings("unchecked")
      S s = v == null ? absent : (S) v;
      return s;
    }
  }
}
