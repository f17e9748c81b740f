package org.stationreplay.workshop.lab07;

import org.stationreplay.projection.Projection;

/**
 * Lab 7: a read model is disposable. Fix one, or invent a new one, and build it again from the log alone. See
 * {@code workshop/labs/07-rebuild/README.md}.
 */
public final class Rebuild {
  private Rebuild() {}

  /**
   * The value of {@code projection} for replay {@code replayId}, folded from the event log alone: every record of
   * that key, from the first offset to the end, through a {@code ProjectionEngine} of this one projection.
   */
  public static Object rebuild(String bootstrapServers, String eventsTopic, String replayId,
      Projection<?> projection) {
    // TODO lab 7: read eventsTopic from the beginning to its end (read_committed), keep the records whose key is
    // replayId, decode each with EventCodec.read, and fold them with new ProjectionEngine(List.of(projection)):
    // start from engine.empty(), engine.step(snapshot, event) for each; return snapshot.value(0).
    throw new UnsupportedOperationException("TODO lab 7: Rebuild.rebuild folds one projection from the log "
        + "(see workshop/labs/07-rebuild/README.md)");
  }
}
