package org.stationreplay.projections;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.CrewMember;
import org.stationreplay.events.ExpeditionStarted;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.Unchanged;
import org.stationreplay.state.PersonAboard;

/** Who is aboard (expedition crew and visitors, with the vehicle they came on) and the current expedition. */
public final class CrewProjection implements Projection<CrewProjection.Crew> {
  public static final String NAME = "crew";

  /**
   * @param expedition the current expedition number, null before Expedition 1
   * @param peopleAboard everyone aboard; @param expeditionCrew long-duration crew aboard (both counted from
   *     {@code crew}, never stored apart from it)
   */
  public record Crew(Integer expedition, int peopleAboard, int expeditionCrew, List<PersonAboard> crew) {
    public static final Crew NONE = new Crew(null, 0, 0, List.of());

    public Crew {
      crew = List.copyOf(crew);
      peopleAboard = crew.size();
      expeditionCrew = (int) crew.stream().filter(PersonAboard::isExpeditionCrew).count();
    }

    Crew with(Integer expedition, List<PersonAboard> crew) {
      return new Crew(expedition, 0, 0, crew);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Everyone aboard, with their agency, role, vehicle and arrival, and the current expedition";
  }

  @Override
  public Class<Crew> valueType() {
    return Crew.class;
  }

  @Override
  public Crew initial() {
    return Crew.NONE;
  }

  @Override
  public Crew apply(Crew value, HistoryEvent event) {
    return event.accept(new Unchanged<>(value) {
      @Override
      public Crew crewArrived(CrewArrived e) {
        List<PersonAboard> crew = new ArrayList<>(value.crew());
        for (CrewMember m : e.crew()) {
          crew.add(new PersonAboard(m.name(), m.agency(), m.role(), e.vehicle(), e.time()));
        }
        return value.with(value.expedition(), crew);
      }

      @Override
      public Crew crewDeparted(CrewDeparted e) {
        Set<String> leaving = new HashSet<>(e.crew());
        return value.with(value.expedition(), value.crew().stream().filter(p -> !leaving.contains(p.name())).toList());
      }

      @Override
      public Crew expeditionStarted(ExpeditionStarted e) {
        return value.with(e.expedition(), value.crew());
      }
    });
  }
}
