package org.stationreplay.history;

/** Something wrong with one line of a history file. */
public record Problem(String file, int line, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + message;
  }
}
