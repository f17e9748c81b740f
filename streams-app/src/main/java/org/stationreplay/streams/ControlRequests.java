package org.stationreplay.streams;

import org.stationreplay.control.ControlCommand;
import org.stationreplay.control.ControlCommands;

/**
 * Reads a command posted to {@code /api/control} by the rules every command follows ({@link ControlCommands}):
 * people write {@code "speed": 86400} and {@code "to": "2009-07-17"}; the control log holds the canonical form.
 */
final class ControlRequests {
  private ControlRequests() {}

  /** @throws ControlCommands.InvalidCommandException with one sentence: answered 400 */
  static ControlCommand parse(String body) {
    return ControlCommands.read(body);
  }
}
