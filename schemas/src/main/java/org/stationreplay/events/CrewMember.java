package org.stationreplay.events;

import static org.stationreplay.events.Require.present;
import static org.stationreplay.events.Require.text;

/** A person arriving at the station. */
public record CrewMember(String name, Agency agency, Role role) {
  public CrewMember {
    text(name, "crew.name");
    present(agency, "crew.agency");
    present(role, "crew.role");
  }
}
