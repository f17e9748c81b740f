package org.stationreplay.control;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Objects;

/**
 * A command to the replay, on topic {@code station.control}: the control log is event-sourced too, and the
 * producer applies it in order. Schema: {@code control-command.schema.json}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "command")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ControlCommand.Pause.class, name = "pause"),
    @JsonSubTypes.Type(value = ControlCommand.Resume.class, name = "resume"),
    @JsonSubTypes.Type(value = ControlCommand.ChangeSpeed.class, name = "speed"),
    @JsonSubTypes.Type(value = ControlCommand.Seek.class, name = "seek"),
    @JsonSubTypes.Type(value = ControlCommand.Restart.class, name = "restart"),
    @JsonSubTypes.Type(value = ControlCommand.SetLoop.class, name = "loop")
})
public sealed interface ControlCommand {
  <R> R accept(Cases<R> cases);

  /** One method per command; the compiler checks that a handler covers them all (Java 17: no pattern switch). */
  interface Cases<R> {
    R pause();

    R resume();

    R changeSpeed(String speed);

    R seek(Instant to);

    R restart();

    R setLoop(boolean enabled);
  }

  /** Stop the simulated clock where it is. */
  record Pause() implements ControlCommand {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.pause();
    }
  }

  /** Start the clock again from where it stopped. */
  record Resume() implements ControlCommand {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.resume();
    }
  }

  /** @param speed historical seconds per wall-clock second as text ({@code 86400}), or {@code max} */
  record ChangeSpeed(String speed) implements ControlCommand {
    public ChangeSpeed {
      Objects.requireNonNull(speed, "speed");
    }

    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.changeSpeed(speed);
    }
  }

  /** Jump to this simulated instant: forwards by sending the events in between at once, backwards as a new run. */
  record Seek(Instant to) implements ControlCommand {
    public Seek {
      Objects.requireNonNull(to, "to");
    }

    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.seek(to);
    }
  }

  /** Replay again from the start. */
  record Restart() implements ControlCommand {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.restart();
    }
  }

  /** Whether to start again by itself at the end. */
  record SetLoop(boolean enabled) implements ControlCommand {
    @Override
    public <R> R accept(Cases<R> cases) {
      return cases.setLoop(enabled);
    }
  }
}
