package org.stationreplay.events;

import java.util.Arrays;
import java.util.Optional;

/** The closed set of event types, with their wire names. Kept in step with {@link StationEvent}'s subtypes. */
public enum EventType {
  ELEMENT_ATTACHED("ElementAttached", ElementAttached.class),
  ELEMENT_DETACHED("ElementDetached", ElementDetached.class),
  ELEMENT_RELOCATED("ElementRelocated", ElementRelocated.class),
  CREW_ARRIVED("CrewArrived", CrewArrived.class),
  CREW_DEPARTED("CrewDeparted", CrewDeparted.class),
  EXPEDITION_STARTED("ExpeditionStarted", ExpeditionStarted.class),
  VEHICLE_ARRIVED("VehicleArrived", VehicleArrived.class),
  VEHICLE_DEPARTED("VehicleDeparted", VehicleDeparted.class),
  SPACEWALK_PERFORMED("SpacewalkPerformed", SpacewalkPerformed.class),
  MILESTONE_REACHED("MilestoneReached", MilestoneReached.class),
  REPLAY_STARTED("ReplayStarted", ReplayStarted.class),
  CLOCK_TICKED("ClockTicked", ClockTicked.class);

  private final String wireName;
  private final Class<? extends StationEvent> javaType;

  EventType(String wireName, Class<? extends StationEvent> javaType) {
    this.wireName = wireName;
    this.javaType = javaType;
  }

  public String wireName() {
    return wireName;
  }

  public Class<? extends StationEvent> javaType() {
    return javaType;
  }

  /** The type of an event; exhaustive through {@link StationEvent.Cases}. */
  public static EventType of(StationEvent event) {
    return event.accept(TYPE_OF);
  }

  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }

  private static final StationEvent.Cases<EventType> TYPE_OF = new StationEvent.Cases<>() {
    @Override public EventType elementAttached(ElementAttached e) { return ELEMENT_ATTACHED; }
    @Override public EventType elementDetached(ElementDetached e) { return ELEMENT_DETACHED; }
    @Override public EventType elementRelocated(ElementRelocated e) { return ELEMENT_RELOCATED; }
    @Override public EventType crewArrived(CrewArrived e) { return CREW_ARRIVED; }
    @Override public EventType crewDeparted(CrewDeparted e) { return CREW_DEPARTED; }
    @Override public EventType expeditionStarted(ExpeditionStarted e) { return EXPEDITION_STARTED; }
    @Override public EventType vehicleArrived(VehicleArrived e) { return VEHICLE_ARRIVED; }
    @Override public EventType vehicleDeparted(VehicleDeparted e) { return VEHICLE_DEPARTED; }
    @Override public EventType spacewalkPerformed(SpacewalkPerformed e) { return SPACEWALK_PERFORMED; }
    @Override public EventType milestoneReached(MilestoneReached e) { return MILESTONE_REACHED; }
    @Override public EventType replayStarted(ReplayStarted e) { return REPLAY_STARTED; }
    @Override public EventType clockTicked(ClockTicked e) { return CLOCK_TICKED; }
  };
}
