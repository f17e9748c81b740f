package org.stationreplay.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The station as of one instant: the document on topic {@code station.state} and behind {@code GET /api/state}
 * (schema: {@code schemas/station-state.schema.json}). It is only ever produced by folding events, so the
 * derived numbers ({@code peopleAboard}, {@code expeditionCrew}, {@code moduleCount},
 * {@code continuousOccupancyDays}) are recomputed by the constructor from the lists and dates they derive from,
 * and can never disagree with them.
 *
 * @param asOf the instant this state describes: the last event's time, or later if the clock was advanced
 * @param run the replay run this state belongs to (the id of its {@code ReplayStarted} marker), or null when
 *     folded from a history file
 * @param occupiedSince UTC date on which the current stretch of continuous occupancy began (long-duration crew
 *     aboard without a break), or null if nobody of an expedition crew is aboard
 */
@JsonInclude(JsonInclude.Include.ALWAYS) // "expedition": null says "no expedition yet"
public record StationState(
    Instant asOf,
    int peopleAboard,
    int expeditionCrew,
    Integer expedition,
    List<PersonAboard> crew,
    List<AttachedElement> modules,
    int moduleCount,
    List<AttachedElement> elements,
    LocalDate occupiedSince,
    int continuousOccupancyDays,
    List<DockedVehicle> visitingVehicles,
    int spacewalks,
    Milestone lastMilestone,
    LastEvent lastEvent,
    String lastEventId,
    Instant lastEventTime,
    long eventsApplied,
    String run) {

  /** Before the first event: nothing in orbit yet. */
  public static final StationState EMPTY =
      new StationState(null, 0, 0, null, List.of(), List.of(), 0, List.of(), null, 0, List.of(), 0, null, null,
          null, null, 0, null);

  public StationState {
    crew = List.copyOf(crew);
    modules = List.copyOf(modules);
    elements = List.copyOf(elements);
    visitingVehicles = List.copyOf(visitingVehicles);
    peopleAboard = crew.size();
    expeditionCrew = (int) crew.stream().filter(PersonAboard::isExpeditionCrew).count();
    moduleCount = modules.size();
    continuousOccupancyDays = occupancyDays(occupiedSince, asOf);
  }

  /** Whole UTC calendar days from {@code since} to the date of {@code asOf}; 0 when not occupied. */
  public static int occupancyDays(LocalDate since, Instant asOf) {
    if (since == null || asOf == null) {
      return 0;
    }
    long days = ChronoUnit.DAYS.between(since, LocalDate.ofInstant(asOf, ZoneOffset.UTC));
    return (int) Math.max(0, days);
  }

  /** The same station seen at a later instant (simulated time moving on without an event). */
  public StationState advancedTo(Instant instant) {
    if (asOf != null && !instant.isAfter(asOf)) {
      return this;
    }
    return toBuilder().asOf(instant).build();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy with some fields changed; the derived counts are recomputed by {@link #build()}. */
  public static final class Builder {
    private Instant asOf;
    private Integer expedition;
    private List<PersonAboard> crew;
    private List<AttachedElement> modules;
    private List<AttachedElement> elements;
    private LocalDate occupiedSince;
    private List<DockedVehicle> visitingVehicles;
    private int spacewalks;
    private Milestone lastMilestone;
    private LastEvent lastEvent;
    private String lastEventId;
    private Instant lastEventTime;
    private long eventsApplied;
    private String run;

    private Builder(StationState s) {
      asOf = s.asOf;
      expedition = s.expedition;
      crew = s.crew;
      modules = s.modules;
      elements = s.elements;
      occupiedSince = s.occupiedSince;
      visitingVehicles = s.visitingVehicles;
      spacewalks = s.spacewalks;
      lastMilestone = s.lastMilestone;
      lastEvent = s.lastEvent;
      lastEventId = s.lastEventId;
      lastEventTime = s.lastEventTime;
      eventsApplied = s.eventsApplied;
      run = s.run;
    }

    public Builder asOf(Instant value) {
      asOf = value;
      return this;
    }

    public Builder expedition(Integer value) {
      expedition = value;
      return this;
    }

    public Builder crew(List<PersonAboard> value) {
      crew = value;
      return this;
    }

    public Builder modules(List<AttachedElement> value) {
      modules = value;
      return this;
    }

    public Builder elements(List<AttachedElement> value) {
      elements = value;
      return this;
    }

    public Builder occupiedSince(LocalDate value) {
      occupiedSince = value;
      return this;
    }

    public Builder visitingVehicles(List<DockedVehicle> value) {
      visitingVehicles = value;
      return this;
    }

    public Builder spacewalks(int value) {
      spacewalks = value;
      return this;
    }

    public Builder lastMilestone(Milestone value) {
      lastMilestone = value;
      return this;
    }

    public Builder lastEvent(LastEvent event) {
      lastEvent = event;
      lastEventId = event == null ? null : event.id();
      lastEventTime = event == null ? null : event.time();
      return this;
    }

    public Builder eventsApplied(long value) {
      eventsApplied = value;
      return this;
    }

    public Builder run(String value) {
      run = value;
      return this;
    }

    public StationState build() {
      return new StationState(asOf, 0, 0, expedition, crew, modules, 0, elements, occupiedSince, 0,
          visitingVehicles, spacewalks, lastMilestone, lastEvent, lastEventId, lastEventTime, eventsApplied, run);
    }
  }

  @JsonIgnore
  public boolean isEmpty() {
    return eventsApplied == 0;
  }

  public boolean isAboard(String name) {
    return crew.stream().anyMatch(p -> p.name().equals(name));
  }

  public boolean isDocked(String vehicle) {
    return visitingVehicles.stream().anyMatch(v -> v.name().equals(vehicle));
  }

  public boolean isAttached(String element) {
    return modules.stream().anyMatch(m -> m.name().equals(element))
        || elements.stream().anyMatch(m -> m.name().equals(element));
  }
}
