package org.stationreplay.streams;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive queries across instances: a query for a replay whose state another instance holds is sent there
 * (Kafka Streams' {@code queryMetadataForKey} names it, from each instance's {@code application.server}) and its
 * answer passed back unchanged. During a rebalance the owner is unknown or just moved: ask again, for a while,
 * before answering 503. A forwarded query is never forwarded again.
 */
final class Forwarder {
  static final String FORWARDED_HEADER = "X-Station-Forwarded";
  private static final Logger log = LoggerFactory.getLogger(Forwarder.class);
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final Duration PAUSE = Duration.ofMillis(250);

  private final StationStreamsApp streams;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  Forwarder(StationStreamsApp streams) {
    this.streams = streams;
  }

  /** Work that may find the store not ready (a rebalance). */
  interface LocalAnswer {
    void run() throws Exception;
  }

  /**
   * Answers from the instance that holds {@code station}: another one through {@link #forwardIfRemote}, or this
   * one with {@code local}, asking again while a rebalance leaves the store not ready.
   */
  void answer(Context ctx, String station, LocalAnswer local) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        if (!forwardIfRemote(ctx, station)) {
          local.run();
        }
        return;
      } catch (StationStreamsApp.StateNotReadyException e) {
        if (ctx.header(FORWARDED_HEADER) != null || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(PAUSE.toMillis());
      }
    }
  }

  /**
   * Answers {@code ctx} from the instance that holds {@code station}, if that is another one.
   *
   * @return false when this instance should answer itself
   */
  boolean forwardIfRemote(Context ctx, String station) throws InterruptedException {
    if (ctx.header(FORWARDED_HEADER) != null) {
      // Sent here by a peer that thinks this instance holds the station: if that is no longer so (the
      // partition just moved), say so with a 503 and the peer asks again.
      Optional<HostInfo> owner = ownerOrNull(station);
      if (owner == null || owner.isPresent()) {
        unavailable(ctx, "replay " + station + " is moving between instances; ask again");
        return true;
      }
      return false;
    }
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String last = "no instance holds replay " + station;
    while (true) {
      Optional<HostInfo> owner = ownerOrNull(station);
      if (owner != null && owner.isEmpty()) {
        return false;
      }
      if (owner != null) {
        HostInfo host = owner.get();
        String query = ctx.queryString();
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + ctx.path()
            + (query == null ? "" : "?" + query));
        try {
          HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
              .header(FORWARDED_HEADER, "1").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
          if (r.statusCode() != HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            ctx.status(r.statusCode()).header("Cache-Control", "no-store")
                .header("X-Station-Served-By", host.host() + ":" + host.port())
                .contentType(r.headers().firstValue("Content-Type").orElse("application/json")).result(r.body());
            return true;
          }
          last = "instance " + host.host() + ":" + host.port() + " is not ready for replay " + station;
        } catch (IOException e) {
          last = "instance " + host.host() + ":" + host.port() + " did not answer (" + e.getMessage() + ")";
          log.debug("Forwarding {} failed: {}", uri, e.getMessage());
        }
      }
      if (System.nanoTime() > deadline) {
        unavailable(ctx, last);
        return true;
      }
      Thread.sleep(PAUSE.toMillis());
    }
  }

  /** The remote owner, empty for this instance, null while nobody holds it. */
  private Optional<HostInfo> ownerOrNull(String station) {
    try {
      return streams.remoteOwner(station);
    } catch (StationStreamsApp.StateNotReadyException e) {
      return null;
    }
  }

  private static void unavailable(Context ctx, String message) {
    ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1").header("Cache-Control", "no-store")
        .contentType("application/json").result(org.stationreplay.json.Json.write(Map.of("error", message)));
  }
}
