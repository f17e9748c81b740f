package org.stationreplay.workshop;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The labs, in the order a class takes them. */
public final class Labs {
  public static final List<Lab> ALL = List.of(
      new Lab(1, "read-the-log", "Read the raw log with a plain consumer: when was the station first occupied?",
          true),
      new Lab(2, "write-a-projection", "Write a projection: people aboard by agency", false),
      new Lab(3, "time-travel", "Time travel: who was aboard on a given day", false),
      new Lab(4, "exactly-once", "Crash a Kafka Streams app mid-log and prove exactly-once by counting", true),
      new Lab(5, "dead-letters", "Send a poison record and find it in the dead-letter topic with its reason",
          true),
      new Lab(6, "upcasting", "Version 2 of an event type: an upcaster, the old log unchanged", false),
      new Lab(7, "rebuild", "Rebuild one projection from the log alone", true));

  private Labs() {}

  /** A lab by number ({@code 1}, {@code 01}), id with prefix ({@code lab01}) or folder name. */
  public static Optional<Lab> find(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replaceFirst("^lab-?", "");
    for (Lab lab : ALL) {
      if (n.equals(lab.id()) || n.equals(Integer.toString(lab.number())) || n.equals(lab.folder())
          || n.equals(lab.slug())) {
        return Optional.of(lab);
      }
    }
    return Optional.empty();
  }
}
