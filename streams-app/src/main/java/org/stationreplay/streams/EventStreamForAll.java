package org.stationreplay.streams;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * {@code /api/stream} is an event stream whatever the client asks for. Javalin answers an empty 200 to a request
 * without {@code Accept: text/event-stream}, which is how people first try a feed ({@code curl -N URL}); the
 * well-known public feeds (Wikimedia's EventStreams) stream to them anyway. This filter tells Javalin that every
 * request to the stream accepts it.
 */
final class EventStreamForAll implements Filter {
  static final String EVENT_STREAM = "text/event-stream";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request instanceof HttpServletRequest http ? new AcceptsEventStream(http) : request, response);
  }

  private static final class AcceptsEventStream extends HttpServletRequestWrapper {
    AcceptsEventStream(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return "Accept".equalsIgnoreCase(name) ? EVENT_STREAM : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(EVENT_STREAM))
          : super.getHeaders(name);
    }
  }
}
