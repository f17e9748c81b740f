package org.stationreplay.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A spacewalk at the station began at {@code time}. This is version 2 of the type
 * ({@code events/SpacewalkPerformed.v2.schema.json}); version 1 documents, which carried the integer
 * {@code durationMinutes} instead of {@code duration}, are upcast by the readers.
 *
 * @param duration how long it lasted (ISO-8601 on the wire, e.g. {@code "PT6H53M"}); null when not known
 */
public record SpacewalkPerformed(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    List<String> crew,
    Duration duration,
    String designation,
    String airlock,
    String purpose) implements HistoryEvent {

  /** The version of this record's shape: what writers emit. */
  public static final int SCHEMA_VERSION = 2;

  public SpacewalkPerformed {
    Require.envelope(EventType.SPACEWALK_PERFORMED, id, time, schemaVersion, source);
    crew = Require.nonEmpty(crew, "crew");
    if (duration != null && duration.isNegative()) {
      throw new IllegalArgumentException("field 'duration' must not be negative, was " + duration);
    }
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.spacewalkPerformed(this);
  }
}
