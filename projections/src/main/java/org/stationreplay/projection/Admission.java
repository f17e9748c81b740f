package org.stationreplay.projection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stationreplay.events.CrewArrived;
import org.stationreplay.events.CrewDeparted;
import org.stationreplay.events.CrewMember;
import org.stationreplay.events.ElementAttached;
import org.stationreplay.events.ElementDetached;
import org.stationreplay.events.ElementRelocated;
import org.stationreplay.events.ExpeditionStarted;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.events.MilestoneReached;
import org.stationreplay.events.SpacewalkPerformed;
import org.stationreplay.events.VehicleArrived;
import org.stationreplay.events.VehicleDeparted;
import org.stationreplay.events.VehicleRelocated;

/**
 * The station's rules, checked once for every history event before any projection sees it: nobody leaves who is
 * not aboard, nothing detaches that is not attached, only a docked vehicle moves to another port, crew move only
 * on a docked vehicle, expeditions count up, time
 * does not run backwards and no event is applied twice. One rule set in one place: the history validator reports a
 * refusal with {@code file:line}, the Streams app sends the record to the dead-letter topic, and projections can
 * trust every event they get.
 *
 * <p>This is the write side's own small state (names and the last time), separate from every read model, so that
 * a projection can be rebuilt, added or removed without changing what the log means.
 *
 * @param lastEventId the last admitted event, for messages
 * @param lastEventTime its time: an earlier event is refused
 * @param idsAtLastTime ids admitted at {@code lastEventTime}: an id seen there again is a duplicate (an older one is
 *     refused for its time), so the set stays as small as the events of one instant, however long the log
 * @param expedition the current expedition number, null before the first
 * @param aboard everyone aboard; @param docked vehicles docked or berthed; @param attached modules and elements
 */
public record Admission(
    String lastEventId,
    Instant lastEventTime,
    List<String> idsAtLastTime,
    Integer expedition,
    List<String> aboard,
    List<String> docked,
    List<String> attached) {

  public static final Admission EMPTY = new Admission(null, null, List.of(), null, List.of(), List.of(), List.of());

  public Admission {
    idsAtLastTime = List.copyOf(idsAtLastTime);
    aboard = List.copyOf(aboard);
    docked = List.copyOf(docked);
    attached = List.copyOf(attached);
  }

  /**
   * The rules' state after {@code event}.
   *
   * @throws EventRejectedException with the reason, if the event breaks a rule
   */
  public Admission admit(HistoryEvent event) {
    if (lastEventTime != null && event.time().isBefore(lastEventTime)) {
      throw new EventRejectedException(event, "time " + event.time() + " is earlier than the last applied event ("
          + lastEventId + " at " + lastEventTime + ")");
    }
    boolean sameInstant = event.time().equals(lastEventTime);
    if (sameInstant && idsAtLastTime.contains(event.id())) {
      throw new EventRejectedException(event, "duplicate event id " + event.id() + " (already applied at "
          + lastEventTime + ")");
    }
    Admission next = event.accept(new Rules(this));
    List<String> ids = sameInstant ? plus(idsAtLastTime, event.id()) : List.of(event.id());
    return new Admission(event.id(), event.time(), ids, next.expedition, next.aboard, next.docked, next.attached);
  }

  @JsonIgnore
  public boolean isAboard(String name) {
    return aboard.contains(name);
  }

  @JsonIgnore
  public boolean isDocked(String vehicle) {
    return docked.contains(vehicle);
  }

  @JsonIgnore
  public boolean isAttached(String element) {
    return attached.contains(element);
  }

  private Admission with(Integer expedition, List<String> aboard, List<String> docked, List<String> attached) {
    return new Admission(lastEventId, lastEventTime, idsAtLastTime, expedition, aboard, docked, attached);
  }

  private static List<String> plus(List<String> list, String item) {
    List<String> copy = new ArrayList<>(list.size() + 1);
    copy.addAll(list);
    copy.add(item);
    Collections.sort(copy); // sorted, so that the same log always stores the same bytes
    return copy;
  }

  private static List<String> minus(List<String> list, Set<String> items) {
    return list.stream().filter(x -> !items.contains(x)).toList();
  }

  /** One case per event type: every type says which rule it must pass. */
  private record Rules(Admission s) implements HistoryEvent.Cases<Admission> {
    @Override
    public Admission elementAttached(ElementAttached e) {
      if (s.isAttached(e.element())) {
        throw new EventRejectedException(e, "element '" + e.element() + "' is already attached");
      }
      return s.with(s.expedition, s.aboard, s.docked, plus(s.attached, e.element()));
    }

    @Override
    public Admission elementDetached(ElementDetached e) {
      requireAttached(e, e.element());
      return s.with(s.expedition, s.aboard, s.docked, minus(s.attached, Set.of(e.element())));
    }

    @Override
    public Admission elementRelocated(ElementRelocated e) {
      requireAttached(e, e.element());
      return s;
    }

    @Override
    public Admission crewArrived(CrewArrived e) {
      requireDocked(e, e.vehicle());
      Set<String> names = new HashSet<>();
      List<String> aboard = new ArrayList<>(s.aboard);
      for (CrewMember m : e.crew()) {
        if (!names.add(m.name())) {
          throw new EventRejectedException(e, m.name() + " is listed twice");
        }
        if (s.isAboard(m.name())) {
          throw new EventRejectedException(e, m.name() + " is already aboard");
        }
        aboard.add(m.name());
      }
      Collections.sort(aboard);
      return s.with(s.expedition, aboard, s.docked, s.attached);
    }

    @Override
    public Admission crewDeparted(CrewDeparted e) {
      requireDocked(e, e.vehicle());
      Set<String> leaving = new HashSet<>();
      for (String name : e.crew()) {
        if (!s.isAboard(name)) {
          throw new EventRejectedException(e, name + " is not aboard");
        }
        if (!leaving.add(name)) {
          throw new EventRejectedException(e, name + " is listed twice");
        }
      }
      return s.with(s.expedition, minus(s.aboard, leaving), s.docked, s.attached);
    }

    @Override
    public Admission expeditionStarted(ExpeditionStarted e) {
      if (s.expedition != null && e.expedition() <= s.expedition) {
        throw new EventRejectedException(e, "expedition " + e.expedition() + " cannot follow expedition "
            + s.expedition);
      }
      return s.with(e.expedition(), s.aboard, s.docked, s.attached);
    }

    @Override
    public Admission vehicleArrived(VehicleArrived e) {
      if (s.isDocked(e.vehicle())) {
        throw new EventRejectedException(e, "vehicle '" + e.vehicle() + "' is already docked");
      }
      return s.with(s.expedition, s.aboard, plus(s.docked, e.vehicle()), s.attached);
    }

    @Override
    public Admission vehicleDeparted(VehicleDeparted e) {
      requireDocked(e, e.vehicle());
      return s.with(s.expedition, s.aboard, minus(s.docked, Set.of(e.vehicle())), s.attached);
    }

    @Override
    public Admission vehicleRelocated(VehicleRelocated e) {
      requireDocked(e, e.vehicle());
      return s;
    }

    @Override
    public Admission spacewalkPerformed(SpacewalkPerformed e) {
      for (String name : e.crew()) {
        if (!s.isAboard(name)) {
          throw new EventRejectedException(e, name + " is not aboard, so cannot go on a spacewalk");
        }
      }
      return s;
    }

    @Override
    public Admission milestoneReached(MilestoneReached e) {
      return s;
    }

    private void requireAttached(HistoryEvent e, String element) {
      if (!s.isAttached(element)) {
        throw new EventRejectedException(e, "element '" + element + "' is not attached");
      }
    }

    private void requireDocked(HistoryEvent e, String vehicle) {
      if (!s.isDocked(vehicle)) {
        throw new EventRejectedException(e, "vehicle '" + vehicle + "' is not docked");
      }
    }
  }
}
