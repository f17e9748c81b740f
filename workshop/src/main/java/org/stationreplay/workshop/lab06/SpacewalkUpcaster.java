package org.stationreplay.workshop.lab06;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stationreplay.events.EventType;
import org.stationreplay.upcast.Upcaster;

/**
 * Lab 6: an event type changes, the log does not. {@code SpacewalkPerformed} version 1 said how long a spacewalk
 * lasted as {@code "durationMinutes": 413}; version 2 says {@code "duration": "PT6H53M"} (ISO-8601). Records
 * already in the log stay as they were written: readers upcast them on the way in. See
 * {@code workshop/labs/06-upcasting/README.md}.
 */
public final class SpacewalkUpcaster implements Upcaster {
  @Override
  public EventType type() {
    return EventType.SPACEWALK_PERFORMED;
  }

  @Override
  public int from() {
    return 1;
  }

  /** A version 2 document with the same content as {@code v1}; {@code v1} itself is left as it was. */
  @Override
  public ObjectNode upcast(ObjectNode v1) {
    // TODO lab 6: build a new ObjectNode: every field of v1 copied, except schemaVersion (now 2) and durationMinutes
    // (now "duration": Duration.ofMinutes(minutes).toString(); absent stays absent).
    throw new UnsupportedOperationException("TODO lab 6: SpacewalkUpcaster.upcast turns a version 1 spacewalk into "
        + "version 2 (see workshop/labs/06-upcasting/README.md)");
  }
}
