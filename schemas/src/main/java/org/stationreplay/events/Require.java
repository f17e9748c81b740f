package org.stationreplay.events;

import java.util.List;
import java.util.Objects;

/** Checks for record constructors, so that an event that exists is a complete event. */
public final class Require {
  private Require() {}

  /** {@code [a-z0-9][a-z0-9._-]*}, checked by hand: it runs for every event read. */
  static boolean isId(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i > 0 && (c == '.' || c == '_' || c == '-');
      if (!ok) {
        return false;
      }
    }
    return !id.isEmpty();
  }

  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("missing required field '" + field + "'");
    }
    return value;
  }

  public static String text(String value, String field) {
    if (present(value, field).isBlank()) {
      throw new IllegalArgumentException("field '" + field + "' must not be blank");
    }
    return value;
  }

  public static <T> List<T> nonEmpty(List<T> values, String field) {
    if (present(values, field).isEmpty()) {
      throw new IllegalArgumentException("field '" + field + "' must not be empty");
    }
    values.forEach(v -> Objects.requireNonNull(v, () -> "field '" + field + "' must not contain null"));
    return List.copyOf(values);
  }

  public static int positive(int value, String field) {
    if (value < 1) {
      throw new IllegalArgumentException("field '" + field + "' must be at least 1, was " + value);
    }
    return value;
  }

  /**
   * The envelope checks shared by every event type. An event in memory always has its type's current version:
   * an older document must go through the upcasters ({@code EventCodec.read}) before it becomes a record.
   */
  public static void envelope(EventType type, String id, java.time.Instant time, int schemaVersion, Source source) {
    text(id, "id");
    if (!isId(id)) {
      throw new IllegalArgumentException("field 'id' must match [a-z0-9][a-z0-9._-]*, was '" + id + "'");
    }
    present(time, "time");
    if (schemaVersion != type.currentVersion()) {
      throw new IllegalArgumentException("a " + type.wireName() + " in memory is schemaVersion "
          + type.currentVersion() + ", was " + schemaVersion + " (older documents are read through EventCodec, "
          + "which upcasts them)");
    }
    present(source, "source");
  }
}
