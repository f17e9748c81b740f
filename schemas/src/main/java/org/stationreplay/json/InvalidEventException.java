package org.stationreplay.json;

import java.util.List;

/**
 * A document that is not a readable event, and at which step of {@link EventCodec#read} it failed. The message is
 * one line a person can act on ("malformed JSON: ...", "schema: unknown schemaVersion 3 for SpacewalkPerformed").
 */
public final class InvalidEventException extends IllegalArgumentException {
  /** The step that refused the document, in the order they run. */
  public enum Stage {
    /** Not JSON at all. */
    MALFORMED_JSON,
    /** JSON, but not an object. */
    NOT_AN_OBJECT,
    /** Does not match the schema of its type and version (including an unknown type or version). */
    SCHEMA,
    /** Matches its schema but the record refused it (a rule the schema cannot express). */
    BINDING
  }

  private final Stage stage;
  private final List<String> problems;

  InvalidEventException(Stage stage, List<String> problems, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
    this.problems = List.copyOf(problems);
  }

  public Stage stage() {
    return stage;
  }

  /** The problems without the prefix of the message: for {@link Stage#SCHEMA}, one per schema violation. */
  public List<String> problems() {
    return problems;
  }
}
