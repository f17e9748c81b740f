package org.stationreplay.workshop.lab02;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.projection.Projection;

/**
 * Lab 2: a read model of your own over the same log. Who is aboard, by agency: {@code {"aboard": {"NASA":
 * ["Kathleen Rubins"], "ROSCOSMOS": ["Sergey Kud-Sverchkov", "Sergey Ryzhikov"]}}}. See
 * {@code workshop/labs/02-write-a-projection/README.md}.
 */
public final class PeopleByAgencyProjection implements Projection<PeopleByAgencyProjection.PeopleByAgency> {
  public static final String NAME = "people-by-agency";

  /** @param aboard agency name to the names of its people aboard, both sorted; no agency with nobody */
  public record PeopleByAgency(SortedMap<String, List<String>> aboard) {
    public static final PeopleByAgency NONE = new PeopleByAgency(new TreeMap<>());

    public PeopleByAgency {
      // Values are immutable and sorted, so that the same log always gives the same value (and the same bytes).
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
    // TODO lab 2: return the value after `event`. Two event types change who is aboard: CrewArrived (each member
    // has a name and an agency) and CrewDeparted (names only). Every other event leaves the value as it is.
    // Tip: `return event.accept(new Unchanged<>(value) { ... override the cases you need ... });`
    return value;
  }
}
