package org.stationreplay.upcast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stationreplay.events.EventType;

/**
 * The upcaster chain: every step of every event type, one explicit {@link Upcaster} each. A document of version
 * {@code n} of a type whose current version is {@code m} goes through the steps {@code n -> n+1 -> ... -> m}, so
 * an old event never needs more than the steps written when its type changed.
 *
 * <p>Adding a version: raise the type's current version ({@link EventType#currentVersion()}), add its schema file
 * ({@code events/<Type>.v<N>.schema.json}), change the record to the new shape, and register one upcaster from the
 * previous version here. The chain is checked when this class loads: a missing or duplicate step fails at once.
 */
public final class Upcasters {
  private static final List<Upcaster> ALL = List.of(
      new SpacewalkPerformedV1ToV2());

  private static final Map<EventType, Map<Integer, Upcaster>> STEPS = index(ALL);

  private Upcasters() {}

  /** Every registered step, in registration order. */
  public static List<Upcaster> all() {
    return ALL;
  }

  /** The step of {@code type} that reads {@code fromVersion}, if the type has one. */
  public static Optional<Upcaster> step(EventType type, int fromVersion) {
    return Optional.ofNullable(STEPS.get(type).get(fromVersion));
  }

  /**
   * {@code document}, of {@code type} and a version that type has, brought to the type's current version; the
   * argument itself when it is current already (it is never modified). Validate the document against the schema of
   * its own version first: each step may rely on it.
   */
  public static ObjectNode toCurrent(EventType type, ObjectNode document) {
    int version = document.path("schemaVersion").asInt();
    if (!type.hasVersion(version)) {
      throw new IllegalArgumentException(type.unknownVersion(version));
    }
    ObjectNode current = document;
    for (int v = version; v < type.currentVersion(); v++) {
      current = STEPS.get(type).get(v).upcast(current);
    }
    return current;
  }

  private static Map<EventType, Map<Integer, Upcaster>> index(List<Upcaster> upcasters) {
    Map<EventType, Map<Integer, Upcaster>> steps = new EnumMap<>(EventType.class);
    for (EventType type : EventType.values()) {
      steps.put(type, new TreeMap<>());
    }
    List<String> problems = new ArrayList<>();
    for (Upcaster u : upcasters) {
      if (!u.type().hasVersion(u.from()) || u.from() == u.type().currentVersion()) {
        problems.add(u.getClass().getSimpleName() + " reads version " + u.from() + " of " + u.type().wireName()
            + ", which has versions 1 to " + u.type().currentVersion() + " and so no step from it");
      } else if (steps.get(u.type()).putIfAbsent(u.from(), u) != null) {
        problems.add("two upcasters for " + u.type().wireName() + " v" + u.from());
      }
    }
    for (EventType type : EventType.values()) {
      for (int v = 1; v < type.currentVersion(); v++) {
        if (!steps.get(type).containsKey(v)) {
          problems.add("no upcaster for " + type.wireName() + " v" + v + " -> v" + (v + 1));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("broken upcaster chain: " + String.join("; ", problems));
    }
    steps.replaceAll((t, m) -> Map.copyOf(m));
    return steps;
  }
}
