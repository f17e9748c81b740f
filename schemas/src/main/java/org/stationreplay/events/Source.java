package org.stationreplay.events;

import static org.stationreplay.events.Require.text;

/** Where a historical fact was read: a title and an address. Every event carries one. */
public record Source(String title, String url) {
  public Source {
    text(title, "source.title");
    text(url, "source.url");
  }
}
