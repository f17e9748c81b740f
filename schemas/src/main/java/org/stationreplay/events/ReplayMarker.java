package org.stationreplay.events;

/**
 * A record the replay writes into the event log beside the history: {@link ReplayStarted} opens every run and
 * {@link ClockTicked} moves the simulated clock. The engine handles them; projections never see them.
 */
public sealed interface ReplayMarker extends StationEvent permits ReplayStarted, ClockTicked {}
