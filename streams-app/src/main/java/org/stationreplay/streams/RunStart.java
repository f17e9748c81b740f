package org.stationreplay.streams;

/**
 * Where a replay's current run begins on the event log: the offset of its {@code ReplayStarted} marker, or of the
 * replay's first record when it has none. Time travel and a projection's rebuild refold from here; records before
 * belong to runs no projection remembers.
 */
public record RunStart(int partition, long offset) {}
