package org.stationreplay.history;

import org.stationreplay.events.StationEvent;

/** An event and the line of the file it was read from. */
public record HistoryLine(int line, StationEvent event) {}
