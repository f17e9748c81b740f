package org.stationreplay.producer;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.stationreplay.events.StationEvent;

/**
 * A progress line: the simulated date, events sent and percent done. On a terminal it rewrites one line; in a
 * log it prints a line every few seconds.
 */
public final class ConsoleProgress implements ReplayListener {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final PrintStream out;
  private final boolean terminal;
  private final Speed speed;
  private final long intervalNanos;
  private final ReplayClock clock;
  private long lastPrinted = Long.MIN_VALUE;

  public ConsoleProgress(PrintStream out, boolean terminal, Speed speed, ReplayClock clock) {
    this.out = out;
    this.terminal = terminal;
    this.speed = speed;
    this.clock = clock;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(terminal ? 200 : 5_000);
  }

  @Override
  public void sent(int index, int total, StationEvent event, long latenessNanos) {
    long now = clock.nanoTime();
    if (index + 1 < total && now - lastPrinted < intervalNanos) {
      return;
    }
    lastPrinted = now;
    String line = String.format("replay %s UTC  %d/%d events (%d%%)  speed %s", DATE.format(event.time()),
        index + 1, total, total == 0 ? 100 : (index + 1) * 100L / total, speed);
    if (terminal) {
      out.print("\r" + line + "   ");
      out.flush();
    } else {
      out.println(line);
    }
  }

  @Override
  public void finished(int sent, long elapsedNanos) {
    if (terminal) {
      out.println();
    }
    out.printf("replay finished: %d events in %.1f s%n", sent, elapsedNanos / 1e9);
  }
}
