package org.stationreplay.producer;

/**
 * Where a crashed replay continues: the run it belonged to (the id of its {@code ReplayStarted} marker) and the
 * index in the history of the first event not yet on the topic.
 */
public record ResumePoint(String run, int nextIndex) {}
