package org.stationreplay.events;

import java.time.Instant;

/** A captioned moment worth marking on the timeline (for example from the seed text). */
public record MilestoneReached(
    String id,
    Instant time,
    int schemaVersion,
    Source source,
    TimePrecision precision,
    String notes,
    String title,
    String caption) implements HistoryEvent {

  public MilestoneReached {
    Require.envelope(EventType.MILESTONE_REACHED, id, time, schemaVersion, source);
    Require.text(title, "title");
    Require.text(caption, "caption");
  }

  @Override
  public <R> R accept(HistoryEvent.Cases<R> cases) {
    return cases.milestoneReached(this);
  }
}
