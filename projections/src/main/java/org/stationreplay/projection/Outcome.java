package org.stationreplay.projection;

import java.util.List;

/**
 * What one record of the log did.
 *
 * @param kind what happened
 * @param snapshot the replay's snapshot after the record (the one before it when {@code REJECTED} or
 *     {@code IGNORED})
 * @param changed bit {@code i} set when projection {@code i}'s value changed (its store and topic are written)
 * @param reason why the event was refused, when {@code REJECTED}
 * @param failures projections whose code threw on this event: their value stays as it was
 */
public record Outcome(Kind kind, Snapshot snapshot, long changed, String reason, List<Failure> failures) {
  public enum Kind {
    /** A history event passed the rules and was folded. */
    APPLIED,
    /** A replay run began: every projection is back at its initial value. */
    STARTED,
    /** The run's clock moved on, no event. */
    TICKED,
    /** A tick of another run, or one that does not move the clock: nothing changed. */
    IGNORED,
    /** A history event the rules refuse (see {@code reason}): nothing changed. */
    REJECTED
  }

  /** Projection {@code index} threw {@code error} on the event. */
  public record Failure(int index, String projection, RuntimeException error) {}

  public Outcome {
    failures = List.copyOf(failures);
  }

  public boolean changed(int index) {
    return (changed & (1L << index)) != 0;
  }

  /** Whether the clock (and so the composite state) moved: an event, a run start or a tick. */
  public boolean clockMoved() {
    return kind == Kind.APPLIED || kind == Kind.STARTED || kind == Kind.TICKED;
  }
}
