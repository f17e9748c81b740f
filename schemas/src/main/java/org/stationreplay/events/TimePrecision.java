package org.stationreplay.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How precise an event's time is. When a source gives only a date, the time is noon UTC of that date and the
 * precision is {@link #DAY}; absent means the source gave the minute or better.
 */
public enum TimePrecision {
  @JsonProperty("second") SECOND,
  @JsonProperty("minute") MINUTE,
  @JsonProperty("hour") HOUR,
  @JsonProperty("day") DAY
}
