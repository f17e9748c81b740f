package org.stationreplay.events;

/** The family of a visiting vehicle. */
public enum VehicleType {
  SHUTTLE, SOYUZ, PROGRESS, ATV, HTV, DRAGON, CREW_DRAGON, CYGNUS, MPLM, OTHER
}
