package org.stationreplay.projections;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.CrewMember;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.Role;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.Unchanged;

/**
 * Continuous occupancy: the UTC date on which long-duration (expedition) crew came aboard a station that had none,
 * cleared if the last of them leaves. Visitors (Shuttle crews before November 2000) do not start it. The count of
 * days is not stored: it is a function of the simulated clock, computed where the clock is known
 * ({@code StationState.occupancyDays}), so this projection changes only when expedition crew come or go.
 *
 * @see <a href="https://www.nasa.gov/humans-in-space/20-years-of-continuous-human-presence-aboard-the-international-space-station/">NASA: 20 years of continuous human presence</a>
 */
public final class OccupancyProjection implements Projection<OccupancyProjection.Occupancy> {
  public static final String NAME = "occupancy";

  /**
   * @param occupiedSince the date the current stretch of continuous occupancy began, or null
   * @param expeditionCrew the names of the expedition crew aboard, sorted: occupancy ends when it is empty
   */
  public record Occupancy(LocalDate occupiedSince, List<String> expeditionCrew) {
    public static final Occupancy NONE = new Occupancy(null, List.of());

    public Occupancy {
      expeditionCrew = List.copyOf(expeditionCrew);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Since when the station has been continuously occupied by expedition crew";
  }

  @Override
  public Class<Occupancy> valueType() {
    return Occupancy.class;
  }

  @Override
  public Occupancy initial() {
    return Occupancy.NONE;
  }

  @Override
  public Occupancy apply(Occupancy value, HistoryEvent event) {
    return event.accept(new Unchanged<>(value) {
      @Override
      public Occupancy crewArrived(CrewArrived e) {
        List<String> crew = new ArrayList<>(value.expeditionCrew());
        for (CrewMember m : e.crew()) {
          if (m.role() == Role.EXPEDITION) {
            crew.add(m.name());
          }
        }
        if (crew.size() == value.expeditionCrew().size()) {
          return value;
        }
        crew.sort(null);
        LocalDate since = value.occupiedSince() != null ? value.occupiedSince()
            : LocalDate.ofInstant(e.time(), ZoneOffset.UTC);
        return new Occupancy(since, crew);
      }

      @Override
      public Occupancy crewDeparted(CrewDeparted e) {
        Set<String> leaving = new HashSet<>(e.crew());
        List<String> crew = value.expeditionCrew().stream().filter(n -> !leaving.contains(n)).toList();
        if (crew.size() == value.expeditionCrew().size()) {
          return value;
        }
        return new Occupancy(crew.isEmpty() ? null : value.occupiedSince(), crew);
      }
    });
  }
}
