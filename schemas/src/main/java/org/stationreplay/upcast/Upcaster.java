package org.stationreplay.upcast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stationreplay.events.EventType;

/**
 * One step of one event type's history: turns a document of version {@link #from()}, already valid against that
 * version's schema, into a document of version {@code from() + 1}. Pure: it returns a new document and leaves its
 * argument as it was, and it uses nothing but the document (no clock, no lookups), so the same log always folds
 * to the same state.
 */
public interface Upcaster {
  EventType type();

  /** The version this step reads; it writes {@code from() + 1}. */
  int from();

  ObjectNode upcast(ObjectNode document);
}
