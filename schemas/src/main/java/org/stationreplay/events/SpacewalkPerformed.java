package org.stationreplay.events;

import java.time.Instant;
import java.util.List;

/** A spacewalk at the station began at {@code time}. */
public record SpacewalkPerformed(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    List<String> crew,
    Integer durationMinutes,
    String designation,
    String airlock,
    String purpose) implements StationEvent {

  public SpacewalkPerformed {
    Require.envelope(id, time, schemaVersion, source);
    crew = Require.nonEmpty(crew, "crew");
    if (durationMinutes != null && durationMinutes < 0) {
      throw new IllegalArgumentException("field 'durationMinutes' must not be negative");
    }
  }

  @Override
  public <R> R accept(Cases<R> cases) {
    return cases.spacewalkPerformed(this);
  }
}
