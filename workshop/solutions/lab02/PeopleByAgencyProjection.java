package org.stationreplay.workshop.lab02;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.CrewMember;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.Unchanged;

/** Lab 2, a reference solution. */
public final class PeopleByAgencyProjection implements Projection<PeopleByAgencyProjection.PeopleByAgency> {
  public static final String NAME = "people-by-agency";

  /** @param aboard agency name to the names of its people aboard, both sorted; no agency with nobody */
  public record PeopleByAgency(SortedMap<String, List<String>> aboard) {
    public static final PeopleByAgency NONE = new PeopleByAgency(new TreeMap<>());

    public PeopleByAgency {
      SortedMap<String, List<String>> copy = new TreeMap<>();
      aboard.forEach((agency, names) -> {
        List<String> sorted = new ArrayList<>(names);
        Collections.sort(sorted);
        copy.put(agency, List.copyOf(sorted));
      });
      aboard = Collections.unmodifiableSortedMap(copy);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "The people aboard, by agency (workshop lab 2)";
  }

  @Override
  public Class<PeopleByAgency> valueType() {
    return PeopleByAgency.class;
  }

  @Override
  public PeopleByAgency initial() {
    return PeopleByAgency.NONE;
  }

  @Override
  public PeopleByAgency apply(PeopleByAgency value, HistoryEvent event) {
    return event.accept(new Unchanged<>(value) {
      @Override
      public PeopleByAgency crewArrived(CrewArrived e) {
        SortedMap<String, List<String>> next = new TreeMap<>();
        value.aboard().forEach((agency, names) -> next.put(agency, new ArrayList<>(names)));
        for (CrewMember m : e.crew()) {
          next.computeIfAbsent(m.agency().name(), a -> new ArrayList<>()).add(m.name());
        }
        return new PeopleByAgency(next);
      }

      @Override
      public PeopleByAgency crewDeparted(CrewDeparted e) {
        Set<String> leaving = new HashSet<>(e.crew());
        SortedMap<String, List<String>> next = new TreeMap<>();
        value.aboard().forEach((agency, names) -> {
          List<String> staying = names.stream().filter(n -> !leaving.contains(n)).toList();
          if (!staying.isEmpty()) {
            next.put(agency, staying);
          }
        });
        return new PeopleByAgency(next);
      }
    });
  }
}
