package org.stationreplay.streams;

import org.stationreplay.control.ControlCommand;
import org.stationreplay.control.ControlCommands;

/**
 * What {@code POST /api/control} adds to the rules every command follows ({@link ControlCommands}, which reads it):
 * whether the replay, as its last status shows it, would act on the command at all.
 */
final class ControlRequests {
  private ControlRequests() {}

  /**
   * Why a well-formed command would be accepted and then do nothing, from the replay's last status: a replay that
   * FAILED applies nothing, and a FINISHED one has nothing to pause or resume. Answered 409 rather than a 202 that
   * is silently ignored. Without a status (no replay has reported yet) the command goes to the log: a replay
   * started later does not read it, but one starting now may.
   */
  static java.util.Optional<String> refusal(String replay, ControlCommand command,
      java.util.Optional<StateFeed.ReplayCondition> condition) {
    if (condition.isEmpty()) {
      return java.util.Optional.empty();
    }
    String state = condition.get().state();
    if (state.equals("FAILED")) {
      String reason = condition.get().reason() == null ? "no reason given" : condition.get().reason();
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
