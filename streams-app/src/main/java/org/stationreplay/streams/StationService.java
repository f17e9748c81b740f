package org.stationreplay.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code ./station stream} runs: the Streams app, the dashboard feed, the control publisher and the
 * HTTP server. Starts them in order, stops them in reverse.
 */
public final class StationService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StationService.class);
  static final int FEED_BUFFER = 5_000;

  private final StationStreamsApp streams;
  private final StateHttpServer http;
  private final List<AutoCloseable> parts;

  private StationService(StationStreamsApp streams, StateHttpServer http, List<AutoCloseable> parts) {
    this.streams = streams;
    this.http = http;
    this.parts = parts;
  }

  /** Starts the Streams app and waits until it runs, then the feed and the HTTP server. */
  public static StationService start(StreamsSettings settings, String httpHost, int httpPort, Duration timeout)
      throws InterruptedException {
    List<AutoCloseable> parts = new ArrayList<>();
    try {
      StationStreamsApp streams = StationStreamsApp.start(settings);
      parts.add(streams);
      streams.awaitRunning(timeout);
      StateFeed feed = new StateFeed(settings.clientConfig(), settings.topics(), FEED_BUFFER);
      parts.add(feed);
      ControlPublisher control = new ControlPublisher(settings.clientConfig(), settings.topics().control());
      parts.add(control);
      StateHttpServer http;
      try {
        http = StateHttpServer.start(streams, feed, control, httpHost, httpPort);
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot serve HTTP on " + httpHost + ":" + httpPort + " ("
            + rootMessage(e) + "); choose another port with --http-port", e);
      }
      parts.add(http);
      return new StationService(streams, http, parts);
    } catch (RuntimeException | InterruptedException e) {
      closeAll(parts);
      throw e;
    }
  }

  public StationStreamsApp streams() {
    return streams;
  }

  public int httpPort() {
    return http.port();
  }

  @Override
  public void close() {
    closeAll(parts);
  }

  private static void closeAll(List<AutoCloseable> parts) {
    List<AutoCloseable> reversed = new ArrayList<>(parts);
    Collections.reverse(reversed);
    for (AutoCloseable p : reversed) {
      try {
        p.close();
      } catch (Exception e) {
        log.warn("Error while stopping {}: {}", p.getClass().getSimpleName(), e.getMessage());
      }
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
