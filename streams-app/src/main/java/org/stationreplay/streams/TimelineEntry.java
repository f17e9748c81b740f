package org.stationreplay.streams;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.MilestoneReached;
import org.stationreplay.projection.Summaries;
import org.stationreplay.projection.Unchanged;

/**
 * One line of the page's timeline ({@code GET /api/timeline}): an event the fold applied, with the same one-line
 * summary as the state's {@code lastEvent}; a milestone also has the seed's title and caption.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(String id, String type, Instant time, String summary, String title, String caption) {
  static TimelineEntry of(HistoryEvent e) {
    MilestoneReached milestone = e.accept(new Unchanged<MilestoneReached>(null) {
      @Override
      public MilestoneReached milestoneReached(MilestoneReached m) {
        return m;
      }
    });
    return new TimelineEntry(e.id(), e.type(), e.time(), Summaries.of(e),
        milestone == null ? null : milestone.title(), milestone == null ? null : milestone.caption());
  }
}
