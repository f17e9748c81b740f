package org.stationreplay.streams;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A record's place on {@code station.state}: the SSE event id {@code <partition>-<offset>}. */
public record FeedPosition(int partition, long offset) {
  private static final Pattern FORM = Pattern.compile("(\\d+)-(\\d+)");

  public static Optional<FeedPosition> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new FeedPosition(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return partition + "-" + offset;
  }
}
