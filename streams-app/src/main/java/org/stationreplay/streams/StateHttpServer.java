package org.stationreplay.streams;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import org.stationreplay.json.Json;
import org.stationreplay.topics.StationTopics;

/**
 * The HTTP API over the Streams app's state: {@code GET /api/state} (JSON), {@code GET /api/health} and the page
 * at {@code /}. Binds to loopback unless told otherwise.
 */
public final class StateHttpServer implements AutoCloseable {
  public static final String LOOPBACK = "127.0.0.1";

  private final Javalin app;

  private StateHttpServer(Javalin app) {
    this.app = app;
  }

  public static StateHttpServer start(StationStreamsApp streams, String host, int port) {
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.staticFiles.add("/public", Location.CLASSPATH);
    });
    app.get("/api/state", ctx -> state(ctx, streams));
    app.get("/api/health", ctx -> json(ctx, HttpStatus.OK, Map.of("streams", streams.streamsState().name())));
    app.exception(StationStreamsApp.StateNotReadyException.class,
        (e, ctx) -> json(ctx, HttpStatus.SERVICE_UNAVAILABLE, Map.of("error", e.getMessage())));
    app.start(host, port);
    return new StateHttpServer(app);
  }

  private static void state(Context ctx, StationStreamsApp streams) {
    String station = ctx.queryParamAsClass("station", String.class).getOrDefault(StationTopics.ISS);
    streams.state(station).ifPresentOrElse(
        s -> ctx.contentType("application/json").header("Cache-Control", "no-store").result(Json.write(s)),
        () -> json(ctx, HttpStatus.NOT_FOUND, Map.of("error", "no events folded yet for station " + station)));
  }

  private static void json(Context ctx, HttpStatus status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
