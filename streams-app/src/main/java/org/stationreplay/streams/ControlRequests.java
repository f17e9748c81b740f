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

  /**
   * Why a well-formed command would be accepted and then do nothing, from the replay's last status: a replay that
   * FAILED applies nothing, and a FINISHED one has nothing to pause or resume. Answered 409 rather than a 202 that
   * is silently ignored. Without a status (no replay has reported yet) the command goes to the log: a replay
   * started later does not read it, but one starting now may.
   */
  static java.util.Optional<String> refusal(String replay, ControlCommand command,
      java.util.Optional<String> statusJson) {
    if (statusJson.isEmpty()) {
      return java.util.Optional.empty();
    }
    String state;
    String reason;
    try {
      com.fasterxml.jackson.databind.JsonNode status = org.stationreplay.json.Json.mapper().readTree(statusJson.get());
      state = status.path("state").asText("");
      reason = status.path("reason").asText("no reason given");
    } catch (java.io.IOException e) {
      return java.util.Optional.empty();
    }
    if (state.equals("FAILED")) {
      return java.util.Optional.of("replay " + replay + " has failed (" + reason + ") and applies no command until "
          + "it runs again (the demo resumes it; else ./station replay --resume)");
    }
    boolean pauseOrResume = command.accept(new ControlCommand.Cases<Boolean>() {
      @Override
      public Boolean pause() {
        return true;
      }

      @Override
      public Boolean resume() {
        return true;
      }

      @Override
      public Boolean changeSpeed(String speed) {
        return false;
      }

      @Override
      public Boolean seek(java.time.Instant to) {
        return false;
      }

      @Override
      public Boolean restart() {
        return false;
      }

      @Override
      public Boolean setLoop(boolean enabled) {
        return false;
      }
    });
    if (state.equals("FINISHED") && pauseOrResume) {
      return java.util.Optional.of("replay " + replay + " has finished: there is nothing to pause or resume (seek "
          + "to a date, restart, or turn loop on)");
    }
    return java.util.Optional.empty();
  }
}
