package org.stationreplay.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One fact from the station's history. Everything here comes from the data: ids and times are never made up
 * from the wall clock, so the same log always folds to the same state.
 *
 * <p>On the wire every event is a flat JSON object: the envelope fields ({@code id}, {@code type}, {@code time},
 * {@code schemaVersion}, {@code source}, optional {@code precision} and {@code notes}) next to the payload fields
 * of its type. The contract is in {@code schemas/src/main/resources/schemas}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ElementAttached.class, name = "ElementAttached"),
    @JsonSubTypes.Type(value = ElementDetached.class, name = "ElementDetached"),
    @JsonSubTypes.Type(value = ElementRelocated.class, name = "ElementRelocated"),
    @JsonSubTypes.Type(value = CrewArrived.class, name = "CrewArrived"),
    @JsonSubTypes.Type(value = CrewDeparted.class, name = "CrewDeparted"),
    @JsonSubTypes.Type(value = ExpeditionStarted.class, name = "ExpeditionStarted"),
    @JsonSubTypes.Type(value = VehicleArrived.class, name = "VehicleArrived"),
    @JsonSubTypes.Type(value = VehicleDeparted.class, name = "VehicleDeparted"),
    @JsonSubTypes.Type(value = VehicleRelocated.class, name = "VehicleRelocated"),
    @JsonSubTypes.Type(value = SpacewalkPerformed.class, name = "SpacewalkPerformed"),
    @JsonSubTypes.Type(value = MilestoneReached.class, name = "MilestoneReached"),
    @JsonSubTypes.Type(value = ReplayStarted.class, name = "ReplayStarted"),
    @JsonSubTypes.Type(value = ClockTicked.class, name = "ClockTicked")
})
public sealed interface StationEvent permits HistoryEvent, ReplayMarker {

  /**
   * Current version of the envelope, and of every payload that has not changed since: the default of
   * {@link EventType#currentVersion()}. A type whose payload changed has its own, higher current version
   * ({@code SpacewalkPerformed}: 2).
   */
  int CURRENT_SCHEMA_VERSION = 1;

  /** Stable id from the data, e.g. {@code 2000-11-02-soyuz-tm-31-arrived}. */
  String id();

  /** When it happened, UTC. */
  Instant time();

  /** Always {@link EventType#currentVersion()} of the type in memory: readers upcast older documents first. */
  int schemaVersion();

  Source source();

  /** How precise {@link #time()} is; {@code null} means to the minute or better. */
  TimePrecision precision();

  /** Free text: conversions, disagreements between sources. May be null. */
  String notes();

  /** The {@code type} discriminator as written on the wire and in Kafka headers. */
  @JsonIgnore
  default String type() {
    return EventType.of(this).wireName();
  }

  /** Dispatches to the method of {@code cases} for this event's type. */
  <R> R accept(Cases<R> cases);

  /**
   * Dispatches on what the replay engine must tell apart: a fact from the history, which projections fold, or one
   * of the replay's own markers, which the engine handles itself before any projection sees an event.
   */
  <R> R kind(Kinds<R> kinds);

  /**
   * One method per event type. Java 17 has no pattern-matching {@code switch} over sealed types (final only in
   * Java 21), so this is how the fold and every other consumer get an exhaustive, compiler-checked case
   * analysis without instanceof chains: a new event type adds a method here, and every implementation stops
   * compiling until it handles it.
   */
  interface Cases<R> extends HistoryEvent.Cases<R> {
    R replayStarted(ReplayStarted e);

    R clockTicked(ClockTicked e);
  }

  /** A history event, or one of the two replay markers. */
  interface Kinds<R> {
    R history(HistoryEvent e);

    R replayStarted(ReplayStarted e);

    R clockTicked(ClockTicked e);
  }
}
