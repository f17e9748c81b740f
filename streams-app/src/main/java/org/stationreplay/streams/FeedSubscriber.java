package org.stationreplay.streams;

/** Someone following a station's feed; calls come from the feed's thread and must not block. */
public interface FeedSubscriber {
  void state(FeedPosition position, String stateJson);

  void replay(String statusJson);

  void reset();

  /** Still connected? A closed subscriber is dropped. */
  boolean isOpen();
}
