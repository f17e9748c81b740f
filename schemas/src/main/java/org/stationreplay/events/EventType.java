package org.stationreplay.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The closed set of event types, with their wire names and schema versions. Kept in step with
 * {@link StationEvent}'s subtypes.
 *
 * <p>Every type has versions 1 to {@link #currentVersion()}, each with its own JSON Schema
 * ({@code events/<Type>.schema.json} for version 1, {@code events/<Type>.v<N>.schema.json} after). Old versions stay
 * readable forever: a reader validates a document against the schema of its own version and then upcasts it, one
 * version at a time, to the current one, which is the shape of the record in memory and the version writers emit.
 */
public enum EventType {
  ELEMENT_ATTACHED("ElementAttached", ElementAttached.class),
  ELEMENT_DETACHED("ElementDetached", ElementDetached.class),
  ELEMENT_RELOCATED("ElementRelocated", ElementRelocated.class),
  CREW_ARRIVED("CrewArrived", CrewArrived.class),
  CREW_DEPARTED("CrewDeparted", CrewDeparted.class),
  EXPEDITION_STARTED("ExpeditionStarted", ExpeditionStarted.class),
  VEHICLE_ARRIVED("VehicleArrived", VehicleArrived.class),
  VEHICLE_DEPARTED("VehicleDeparted", VehicleDeparted.class),
  VEHICLE_RELOCATED("VehicleRelocated", VehicleRelocated.class),
  /** Version 2 replaced the integer {@code durationMinutes} with the ISO-8601 {@code duration}. */
  SPACEWALK_PERFORMED("SpacewalkPerformed", SpacewalkPerformed.class, SpacewalkPerformed.SCHEMA_VERSION),
  MILESTONE_REACHED("MilestoneReached", MilestoneReached.class),
  REPLAY_STARTED("ReplayStarted", ReplayStarted.class),
  CLOCK_TICKED("ClockTicked", ClockTicked.class);

  private final String wireName;
  private final Class<? extends StationEvent> javaType;
  private final int currentVersion;

  EventType(String wireName, Class<? extends StationEvent> javaType) {
    this(wireName, javaType, StationEvent.CURRENT_SCHEMA_VERSION);
  }

  EventType(String wireName, Class<? extends StationEvent> javaType, int currentVersion) {
    this.wireName = wireName;
    this.javaType = javaType;
    this.currentVersion = currentVersion;
  }

  public String wireName() {
    return wireName;
  }

  public Class<? extends StationEvent> javaType() {
    return javaType;
  }

  /**
   * The version writers emit and the in-memory record has. Raising it needs a new schema file, an upcaster from
   * the previous version and the record in the new shape; older versions are never dropped.
   */
  public int currentVersion() {
    return currentVersion;
  }

  /** Whether documents of this type may carry {@code version}: 1 to {@link #currentVersion()}. */
  public boolean hasVersion(int version) {
    return version >= 1 && version <= currentVersion;
  }

  /** The schema of one version, relative to the schema root: {@code events/SpacewalkPerformed.v2.schema.json}. */
  public String schemaPath(int version) {
    if (!hasVersion(version)) {
      throw new IllegalArgumentException(unknownVersion(version));
    }
    return "events/" + wireName + (version == 1 ? "" : ".v" + version) + ".schema.json";
  }

  /** The message for a version this type does not have: "unknown schemaVersion 3 for SpacewalkPerformed". */
  public String unknownVersion(int version) {
    return "unknown schemaVersion " + version + " for " + wireName;
  }

  /** The type of an event; exhaustive through {@link StationEvent.Cases}. */
  public static EventType of(StationEvent event) {
    return event.accept(TYPE_OF);
  }

  public static Optional<EventType> fromWireName(String name) {
    return Optional.ofNullable(BY_WIRE_NAME.get(name));
  }

  // Looked up for every record read: a map, not a scan of values() through a stream.
  private static final java.util.Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
      .collect(java.util.stream.Collectors.toUnmodifiableMap(t -> t.wireName, t -> t));

  private static final StationEvent.Cases<EventType> TYPE_OF = new StationEvent.Cases<>() {
    @Override public EventType elementAttached(ElementAttached e) { return ELEMENT_ATTACHED; }
    @Override public EventType elementDetached(ElementDetached e) { return ELEMENT_DETACHED; }
    @Override public EventType elementRelocated(ElementRelocated e) { return ELEMENT_RELOCATED; }
    @Override public EventType crewArrived(CrewArrived e) { return CREW_ARRIVED; }
    @Override public EventType crewDeparted(CrewDeparted e) { return CREW_DEPARTED; }
    @Override public EventType expeditionStarted(ExpeditionStarted e) { return EXPEDITION_STARTED; }
    @Override public EventType vehicleArrived(VehicleArrived e) { return VEHICLE_ARRIVED; }
    @Override public EventType vehicleDeparted(VehicleDeparted e) { return VEHICLE_DEPARTED; }
    @Override public EventType vehicleRelocated(VehicleRelocated e) { return VEHICLE_RELOCATED; }
    @Override public EventType spacewalkPerformed(SpacewalkPerformed e) { return SPACEWALK_PERFORMED; }
    @Override public EventType milestoneReached(MilestoneReached e) { return MILESTONE_REACHED; }
    @Override public EventType replayStarted(ReplayStarted e) { return REPLAY_STARTED; }
    @Override public EventType clockTicked(ClockTicked e) { return CLOCK_TICKED; }
  };
}
