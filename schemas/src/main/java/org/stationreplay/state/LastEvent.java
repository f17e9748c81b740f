package org.stationreplay.state;

import java.time.Instant;

/** The event that made this state, in one readable line: what a timeline shows. */
public record LastEvent(String id, String type, Instant time, String summary) {}
