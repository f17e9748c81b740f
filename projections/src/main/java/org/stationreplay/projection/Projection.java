package org.stationreplay.projection;

import java.util.regex.Pattern;
import org.stationreplay.events.HistoryEvent;

/**
 * A read model folded from the event log: one fact about the station (who is aboard, what is attached, how long
 * the spacewalks lasted...), kept per replay. The engine runs every registered projection over the same log and
 * gives each its own state store and its own compacted topic ({@code station.projection.<name>}), written only when
 * its value changes; {@code ./station rebuild --projection NAME} refolds one alone.
 *
 * <p>A projection sees only history events, already admitted by the station's rules (nobody leaves who is not
 * aboard, time does not run backwards...): the replay's markers and clock ticks are the engine's business, and a
 * new replay run starts every projection again from {@link #initial()}.
 *
 * <p>To add one: write the class (and its value type, a record), a test, its JSON Schema at
 * {@code schemas/projections/<name>.schema.json} on the classpath, and list it in {@code Projections.ALL}.
 *
 * @param <S> the value: an immutable record, serialized as JSON by the project's one mapper
 */
public interface Projection<S> {
  /** Lower case, digits and dashes: the name is part of topic, store and URL names. */
  Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** The projection's name: {@code crew} is topic {@code station.projection.crew} and store {@code projection-crew}. */
  String name();

  /** One line for people: what this read model answers. */
  String description();

  /** The type of {@link #initial()} and of every value {@link #apply} returns, for the serde. */
  Class<S> valueType();

  /** The value before any event: an empty station. */
  S initial();

  /**
   * The value after {@code event}. Pure: no clock, no I/O, no randomness. Return {@code value} itself when the
   * event does not concern this projection; the engine writes a new value only when it differs.
   */
  S apply(S value, HistoryEvent event);

  /** Classpath location of the JSON Schema every value validates against. */
  default String schemaResource() {
    return "schemas/projections/" + name() + ".schema.json";
  }
}
