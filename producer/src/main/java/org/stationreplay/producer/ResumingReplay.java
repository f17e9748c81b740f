package org.stationreplay.producer;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replay that does not stay dead: when it fails (its status is then FAILED, with the reason), it is resumed from
 * the log after the last event it committed, as {@code replay --resume} does; after {@code attempts} failures in a
 * row it gives up and says so. A run that lasted {@code healthy} before failing starts the count again.
 */
public final class ResumingReplay {
  private static final Logger log = LoggerFactory.getLogger(ResumingReplay.class);

  /** One run of the replay, e.g. {@link ReplayJob#run}. */
  @FunctionalInterface
  public interface Job {
    void run(ReplayRequest request) throws InterruptedException;
  }

  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** How it ended: the replay stopped (finished, or asked to), or it failed too often and was given up. */
  public enum Outcome { STOPPED, GAVE_UP }

  private final int attempts;
  private final Duration healthy;
  private final Duration pause;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;

  public ResumingReplay(int attempts, Duration healthy, Duration pause, LongSupplier nanoTime, Sleeper sleeper) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
    }
    this.attempts = attempts;
    this.healthy = healthy;
    this.pause = pause;
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  /** Three failures in a row, two seconds apart, a minute of running to be forgiven: the demo's policy. */
  public static ResumingReplay standard() {
    return new ResumingReplay(3, Duration.ofMinutes(1), Duration.ofSeconds(2), System::nanoTime, d -> Thread.sleep(
        d.toMillis()));
  }

  public Outcome run(ReplayRequest first, Job job) throws InterruptedException {
    ReplayRequest request = first;
    int failures = 0;
    while (true) {
      long started = nanoTime.getAsLong();
      try {
        job.run(request);
        return Outcome.STOPPED;
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("stopped while failing: " + e.getMessage());
        }
        failures = nanoTime.getAsLong() - started >= healthy.toNanos() ? 1 : failures + 1;
        if (failures >= attempts) {
          log.error("The replay failed {} time(s) in a row ({}): giving up", failures, ReplayJob.reason(e));
          return Outcome.GAVE_UP;
        }
        log.warn("The replay failed ({}); resuming it from the log in {} s (attempt {} of {})", ReplayJob.reason(e),
            pause.toSeconds(), failures + 1, attempts);
        sleeper.sleep(pause);
        request = new ReplayRequest(request.history(), request.speed(), request.from(), request.to(),
            request.maxGap(), request.key(), request.loop(), request.exitWhenFinished(), true);
      }
    }
  }
}
