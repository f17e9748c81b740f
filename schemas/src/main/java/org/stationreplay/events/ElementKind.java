package org.stationreplay.events;

/** What an attached element is. Only MODULE counts in the state's modules list (pressurized modules permanently attached). */
public enum ElementKind {
  MODULE, TRUSS, ROBOTIC_ARM, ADAPTER, EXPOSED_FACILITY, EXTERNAL_PAYLOAD, OTHER
}
