package org.stationreplay.events;

/** How a visiting vehicle is attached: docked under its own control, or berthed by the robotic arm. */
public enum BerthingMode {
  DOCKED, BERTHED
}
