package org.stationreplay.streams;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.stationreplay.control.ControlCommand;
import org.stationreplay.control.ControlCommands;
import org.stationreplay.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Composite;
import org.stationreplay.time.TimeArgs;
import org.stationreplay.topics.StationTopics;

/**
 * The HTTP API and the dashboard page (see {@code docs/dashboard-api.md}): state now and at any past date, the
 * SSE stream, chart series, replay commands and status. Binds to loopback unless told otherwise.
 */
public final class StateHttpServer implements AutoCloseable {
  public static final String LOOPBACK = "127.0.0.1";
  static final int CLIENT_QUEUE = 20_000;
  /** Where Prometheus scrapes (docs/monitoring/prometheus.yml says so too; DockerComposeTest checks). */
  public static final String METRICS_PATH = "/metrics";

  private final Javalin app;
  private final ExecutorService writers;
  private final ScheduledExecutorService heartbeats;

  private StateHttpServer(Javalin app, ExecutorService writers, ScheduledExecutorService heartbeats) {
    this.app = app;
    this.writers = writers;
    this.heartbeats = heartbeats;
  }

  public static StateHttpServer start(StationStreamsApp streams, StateFeed feed, ControlPublisher control,
      StationMetrics metrics, String host, int port) {
    return start(streams, feed, control, metrics, host, port, null);
  }

  /**
   * @param controlToken what {@code POST /api/control} must carry ({@code Authorization: Bearer ...}); required
   *     when {@code host} is not a loopback address, since anyone who reaches the port could steer the replays
   */
  public static StateHttpServer start(StationStreamsApp streams, StateFeed feed, ControlPublisher control,
      StationMetrics metrics, String host, int port, String controlToken) {
    ControlAuth auth = ControlAuth.forHost(host, controlToken);
    Forwarder forwarder = new Forwarder(streams);
    ExecutorService writers = Executors.newFixedThreadPool(4, daemon("sse-writer"));
    ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("sse-heartbeat"));
    List<SseSubscriber> live = new java.util.concurrent.CopyOnWriteArrayList<>();
    heartbeats.scheduleAtFixedRate(() -> {
      live.removeIf(s -> !s.isOpen());
      live.forEach(SseSubscriber::heartbeat);
    }, 10, 10, TimeUnit.SECONDS);

    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.staticFiles.add("/public", Location.CLASSPATH);
      // The contract, served as it is in the jar: /schemas/station-state.schema.json, /schemas/projections/crew...
      config.staticFiles.add(files -> {
        files.hostedPath = "/schemas";
        files.directory = "/schemas";
        files.location = Location.CLASSPATH;
      });
      config.http.disableCompression(); // SSE must reach the browser event by event
      config.jetty.modifyServletContextHandler(handler -> handler.addFilter(
          new org.eclipse.jetty.servlet.FilterHolder(new EventStreamForAll()), "/api/stream",
          java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonBadMessages()));
    });
    app.get("/api/state", ctx -> forwarder.answer(ctx, station(ctx), () -> state(ctx, streams)));
    app.get("/api/projections", ctx -> json(ctx, HttpStatus.OK, Map.of("projections", projections(streams, feed))));
    app.get("/api/projections/{name}", ctx -> {
      int index = streams.engine().indexOf(ctx.pathParam("name"));
      if (index < 0) {
        json(ctx, HttpStatus.NOT_FOUND, Map.of("error", "no projection '" + ctx.pathParam("name") + "' (GET "
            + "/api/projections lists them)"));
        return;
      }
      forwarder.answer(ctx, station(ctx), () -> snapshotAnswer(ctx, streams,
          s -> Json.mapper().valueToTree(s.value(index))));
    });
    app.get("/api/timeline", ctx -> forwarder.answer(ctx, station(ctx), () -> timeline(ctx, streams)));
    app.get("/api/replays", ctx -> json(ctx, HttpStatus.OK, Map.of("replays", feed.replays())));
    app.get("/api/series", ctx -> json(ctx, HttpStatus.OK, feed.series(station(ctx))));
    app.get("/api/replay", ctx -> feed.replayStatus(station(ctx)).ifPresentOrElse(
        s -> ctx.contentType("application/json").header("Cache-Control", "no-store").result(s),
        () -> json(ctx, HttpStatus.NOT_FOUND, Map.of("error", "no replay has reported yet"))));
    app.post("/api/control", ctx -> {
      if (!auth.allows(ctx.header("Authorization"))) {
        json(ctx, HttpStatus.UNAUTHORIZED, Map.of("error", "this endpoint needs 'Authorization: Bearer <token>' "
            + "with the server's control token"));
        return;
      }
      ControlCommand command = ControlCommands.read(ctx.body());
      Optional<String> refusal = ControlRequests.refusal(station(ctx), command, feed.replayCondition(station(ctx)));
      if (refusal.isPresent()) {
        json(ctx, HttpStatus.CONFLICT, Map.of("error", refusal.get()));
        return;
      }
      FeedPosition at = control.publish(station(ctx), command);
      json(ctx, HttpStatus.ACCEPTED, Map.of("accepted", true, "position", at.toString()));
    });
    app.sse("/api/stream", client -> stream(client, feed, writers, live));
    app.get("/api/health", ctx -> json(ctx, HttpStatus.OK, health(streams, feed, station(ctx))));
    // For Prometheus (README, "Monitoring"): what is in memory, no Kafka read per scrape.
    app.get(METRICS_PATH, ctx -> {
      StationMetrics.Scrape scrape = metrics.scrape(ctx.header("Accept"));
      ctx.contentType(scrape.contentType()).header("Cache-Control", "no-store").result(scrape.body());
    });
    app.exception(StationStreamsApp.StateNotReadyException.class,
        (e, ctx) -> json(ctx, HttpStatus.SERVICE_UNAVAILABLE, Map.of("error", e.getMessage())));
    app.exception(IllegalArgumentException.class,
        (e, ctx) -> json(ctx, HttpStatus.BAD_REQUEST, Map.of("error", e.getMessage())));
    // Javalin's own refusals (no such endpoint, body too large, wrong method) in the API's error form too.
    app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
      HttpStatus status = HttpStatus.forStatus(e.getStatus());
      String path = ctx.path().length() > 60 ? ctx.path().substring(0, 60) + "..." : ctx.path();
      String error = switch (e.getStatus()) {
        case 404 -> "no endpoint " + ctx.method() + " " + path + " (the API: /api/state, /api/projections, "
            + "/api/stream, /api/control, /api/replay, /api/replays, /api/series, /api/health; /metrics)";
        case 405 -> ctx.method() + " is not allowed on " + path;
        case 413 -> "the body is too large: a command is a small JSON object (at most "
            + org.stationreplay.control.ControlCommands.MAX_LENGTH + " characters)";
        default -> e.getMessage();
      };
      if (ctx.path().startsWith("/api/")) {
        json(ctx, status, Map.of("error", error));
      } else {
        ctx.status(status).contentType("text/plain").result(error);
      }
    });
    app.start(host, port);
    return new StateHttpServer(app, writers, heartbeats);
  }

  /** The app's state and the replay's: a failed replay shows here too, with its reason. */
  private static Map<String, Object> health(StationStreamsApp streams, StateFeed feed, String station) {
    Map<String, Object> health = new java.util.LinkedHashMap<>();
    health.put("streams", streams.streamsState().name());
    health.put("dashboards", feed.subscribers());
    health.put("deadLetters", streams.deadLetters());
    feed.replayCondition(station).ifPresent(c -> {
      health.put("replay", c.state());
      if (c.reason() != null) {
        health.put("replayFailure", c.reason());
      }
    });
    return health;
  }

  private static void stream(SseClient client, StateFeed feed, ExecutorService writers, List<SseSubscriber> live) {
    String station = station(client.ctx());
    // The browser's own Last-Event-ID wins: it is newer than a lastEventId the page put in the URL earlier.
    String header = client.ctx().header("Last-Event-ID");
    Optional<FeedPosition> after = FeedPosition.parse(header != null ? header : client.ctx().queryParam("lastEventId"));
    client.keepAlive();
    SseSubscriber subscriber = new SseSubscriber(client, CLIENT_QUEUE, writers);
    client.onClose(() -> feed.unsubscribe(station, subscriber));
    live.add(subscriber);
    feed.subscribe(station, after, subscriber);
  }

  private static void state(Context ctx, StationStreamsApp streams) {
    snapshotAnswer(ctx, streams, snapshot -> Composite.json(streams.engine(), snapshot));
  }

  /**
   * Answers with a replay's snapshot, latest or {@code ?at=}, shown by {@code view}: 404 before the replay's first
   * record, or for a date it has not reached or when nothing was in orbit yet.
   */
  private static void snapshotAnswer(Context ctx, StationStreamsApp streams,
      java.util.function.Function<Snapshot, JsonNode> view) {
    String station = station(ctx);
    String at = ctx.queryParam("at");
    Optional<Snapshot> latest = streams.snapshot(station);
    if (latest.isEmpty() || latest.get().clock().asOf() == null) {
      json(ctx, HttpStatus.NOT_FOUND, Map.of("error", "no events folded yet for replay " + station));
      return;
    }
    Instant asOf = latest.get().clock().asOf();
    if (at == null) {
      jsonNode(ctx, view.apply(latest.get()));
      return;
    }
    Instant instant = TimeArgs.endOf(at);
    if (TimeArgs.startOf(at).isAfter(asOf)) {
      json(ctx, HttpStatus.NOT_FOUND, Map.of("error", "the replay has not reached " + at
          + " yet (simulated time is " + asOf + ")"));
    } else if (instant.isAfter(asOf)) {
      jsonNode(ctx, view.apply(latest.get())); // today, as far as the replay has got
    } else {
      streams.snapshotAt(station, instant).ifPresentOrElse(s -> jsonNode(ctx, view.apply(s)),
          () -> json(ctx, HttpStatus.NOT_FOUND, Map.of("error", "nothing was in orbit at " + instant)));
    }
  }

  static final int TIMELINE_DEFAULT = 50;
  static final int TIMELINE_MAX = 500;

  /**
   * The events of the replay's current run up to {@code ?at=} (a date means its end; default: as far as the fold
   * has got), newest first, {@code ?limit=} of them: what a page that connects mid-replay, seeks or travels in time
   * shows as its timeline.
   */
  private static void timeline(Context ctx, StationStreamsApp streams) {
    String at = ctx.queryParam("at");
    String limitParam = ctx.queryParam("limit");
    int limit = TIMELINE_DEFAULT;
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam.trim());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > TIMELINE_MAX) {
        throw new IllegalArgumentException("limit must be a whole number from 1 to " + TIMELINE_MAX + ", was '"
            + (limitParam.length() > 20 ? limitParam.substring(0, 20) + "..." : limitParam) + "'");
      }
    }
    Instant until = at == null ? null : TimeArgs.endOf(at);
    List<TimelineEntry> events = streams.timeline(station(ctx), until, limit);
    json(ctx, HttpStatus.OK, Map.of("events", events));
  }

  /** What {@code GET /api/projections} lists: every projection, its topic, schema and state in each partition. */
  private static List<Map<String, Object>> projections(StationStreamsApp streams, StateFeed feed) {
    Map<String, ProjectionStatus> statuses = feed.projectionStatuses();
    List<Map<String, Object>> list = new java.util.ArrayList<>();
    for (Projection<?> p : streams.engine().projections()) {
      List<ProjectionStatus> mine = statuses.values().stream().filter(s -> s.projection().equals(p.name()))
          .sorted(java.util.Comparator.comparingInt(ProjectionStatus::partition)).toList();
      Map<String, Object> entry = new java.util.LinkedHashMap<>();
      entry.put("name", p.name());
      entry.put("description", p.description());
      entry.put("inStateDocument", Composite.CORE.contains(p.name()));
      entry.put("topic", feed.topics().projection(p.name()));
      entry.put("schema", "/" + p.schemaResource());
      entry.put("partitions", mine);
      list.add(entry);
    }
    return list;
  }

  /** The replay asked for: {@code ?replay=NAME} ({@code ?station=} is the older name), the ISS by default. */
  static String station(Context ctx) {
    String s = ctx.queryParam("replay");
    if (s == null || s.isBlank()) {
      s = ctx.queryParam("station");
    }
    return s == null || s.isBlank() ? StationTopics.ISS : s;
  }

  private static void jsonNode(Context ctx, JsonNode node) {
    ctx.contentType("application/json").header("Cache-Control", "no-store").result(Json.write(node));
  }

  private static void json(Context ctx, HttpStatus status, Object body) {
    ctx.status(status).contentType("application/json").header("Cache-Control", "no-store").result(Json.write(body));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    app.stop();
    writers.shutdownNow();
  }
}
