package org.stationreplay.projection;

import org.stationreplay.events.StationEvent;

/**
 * The event contradicts the state it would be applied to (a departure of someone not aboard, a detach of
 * something not attached, time running backwards...). The state is left as it was.
 */
public final class EventRejectedException extends RuntimeException {
  private final transient StationEvent event;

  public EventRejectedException(StationEvent event, String reason) {
    super(reason);
    this.event = event;
  }

  public StationEvent event() {
    return event;
  }

  public String reason() {
    return getMessage();
  }
}
