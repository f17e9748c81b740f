package org.stationreplay.state;

import java.time.Instant;

/** The latest captioned milestone, for dashboards to show. */
public record Milestone(String eventId, Instant time, String title, String caption) {}
