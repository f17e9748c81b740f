package org.stationreplay.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projections.Projections;

/**
 * Everything {@code ./station stream} runs: the Streams app, the dashboard feed, the control publisher and the
 * HTTP server. Starts them in order, stops them in reverse.
 */
public final class StationService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StationService.class);
  static final int FEED_BUFFER = 5_000;

  private final StationStreamsApp streams;
  private final StateFeed feed;
  private final StateHttpServer http;
  private final StationMetrics metrics;
  private final List<AutoCloseable> parts;

  private StationService(StationStreamsApp streams, StateFeed feed, StateHttpServer http, StationMetrics metrics,
      List<AutoCloseable> parts) {
    this.streams = streams;
    this.feed = feed;
    this.http = http;
    this.metrics = metrics;
    this.parts = parts;
  }

  /** Starts the Streams app, the feed and the HTTP server, and waits until the Streams app runs. */
  public static StationService start(StreamsSettings settings, String httpHost, int httpPort, Duration timeout)
      throws InterruptedException {
    return start(settings, httpHost, httpPort, null, timeout);
  }

  /** The same, with the token {@code POST /api/control} needs (required unless {@code httpHost} is loopback). */
  public static StationService start(StreamsSettings settings, String httpHost, int httpPort, String controlToken,
      Duration timeout) throws InterruptedException {
    return start(settings, Projections.engine(), httpHost, httpPort, controlToken, timeout);
  }

  /** The same, running {@code engine}'s projections (the registered ones, or a workshop's own set). */
  public static StationService start(StreamsSettings settings, ProjectionEngine engine, String httpHost,
      int httpPort, String controlToken, Duration timeout) throws InterruptedException {
    requireControlToken(httpHost, controlToken);
    List<AutoCloseable> parts = new ArrayList<>();
    try {
      StationStreamsApp streams = StationStreamsApp.start(settings, engine);
      parts.add(streams);
      // The feed and the HTTP server start while Kafka Streams joins its group and opens its stores (seconds):
      // until it runs, /api/state answers 503 and the page retries.
      StateFeed feed = new StateFeed(settings.clientConfig(), settings.topics(), FEED_BUFFER, engine);
      parts.add(feed);
      ControlPublisher control = new ControlPublisher(settings.clientConfig(), settings.topics().control());
      parts.add(control);
      StationMetrics metrics = new StationMetrics(streams, feed, control);
      parts.add(metrics);
      StateHttpServer http;
      try {
        http = StateHttpServer.start(streams, feed, control, metrics, httpHost, httpPort, controlToken);
      } catch (RuntimeException e) {
        throw new IllegalStateException("cannot serve HTTP on " + httpHost + ":" + httpPort + " ("
            + rootMessage(e) + "); choose another port with --http-port", e);
      }
      parts.add(http);
      streams.awaitRunning(timeout);
      return new StationService(streams, feed, http, metrics, parts);
    } catch (RuntimeException | InterruptedException e) {
      closeAll(parts);
      throw e;
    }
  }

  /**
   * Refuses (IllegalArgumentException, with what to do) an HTTP API reachable beyond this machine without a
   * control token: checked before anything starts.
   */
  public static void requireControlToken(String httpHost, String controlToken) {
    ControlAuth.forHost(httpHost, controlToken);
  }

  public StateFeed feed() {
    return feed;
  }

  public StationStreamsApp streams() {
    return streams;
  }

  /** What {@code GET /metrics} serves; its registry takes more meters (the demo's replay, say). */
  public StationMetrics metrics() {
    return metrics;
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
