package org.stationreplay.streams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.stationreplay.json.Json;

/**
 * Requests Jetty refuses before the API sees them (a URL or headers too long, a malformed request line) get the
 * API's error form, {@code {"error": "..."}}, with one sentence, instead of Jetty's HTML page.
 */
final class JsonBadMessages extends ErrorHandler {
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    String error = switch (status) {
      case 414 -> "the URL is too long: the API's URLs and query strings fit in 8 KB";
      case 431 -> "the request's headers are too large: 8 KB at most";
      default -> "the request could not be read" + (reason == null ? "" : " (" + reason + ")");
    };
    return ByteBuffer.wrap(Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8));
  }
}
