package org.stationreplay.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.stationreplay.events.Agency;
import org.stationreplay.events.Role;

/** Someone aboard, with the vehicle they came on and since when. */
public record PersonAboard(String name, Agency agency, Role role, String vehicle, Instant since) {
  @JsonIgnore
  public boolean isExpeditionCrew() {
    return role == Role.EXPEDITION;
  }
}
