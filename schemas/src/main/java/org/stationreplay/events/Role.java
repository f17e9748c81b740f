package org.stationreplay.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a person is aboard: a long-duration expedition member or a visitor (Shuttle crew, taxi crew, participant). */
public enum Role {
  @JsonProperty("expedition") EXPEDITION,
  @JsonProperty("visitor") VISITOR
}
