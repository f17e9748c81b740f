package org.stationreplay.streams;

import org.stationreplay.events.StationEvent;

/**
 * A record from {@code station.events} after decoding: the event, or why it is not one. Decoding never throws,
 * so a poison record reaches the fold processor, which sends it to the dead-letter topic instead of crashing.
 *
 * @param raw the record value exactly as it came, for the dead-letter topic
 */
public record DecodedEvent(byte[] raw, StationEvent event, String error) {
  public static DecodedEvent valid(byte[] raw, StationEvent event) {
    return new DecodedEvent(raw, event, null);
  }

  public static DecodedEvent invalid(byte[] raw, String error) {
    return new DecodedEvent(raw, null, error);
  }

  public boolean isValid() {
    return event != null;
  }
}
