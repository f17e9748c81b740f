package org.stationreplay.state;

import java.time.Instant;
import org.stationreplay.events.Agency;
import org.stationreplay.events.ElementKind;

/** A module or other element that is part of the station, where it sits and since when. */
public record AttachedElement(String name, ElementKind kind, Agency agency, String location, Instant attachedAt) {
  public AttachedElement movedTo(String newLocation) {
    return new AttachedElement(name, kind, agency, newLocation, attachedAt);
  }
}
