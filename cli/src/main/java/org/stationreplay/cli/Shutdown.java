package org.stationreplay.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs until Ctrl-C or SIGTERM, then closes everything in reverse start order, once. */
final class Shutdown {
  private static final Logger log = LoggerFactory.getLogger(Shutdown.class);

  private Shutdown() {}

  /** Blocks the calling thread until the JVM is asked to stop, then closes {@code resources} last-first. */
  static void awaitSignal(List<? extends AutoCloseable> resourcesInStartOrder) throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    List<AutoCloseable> reversed = new ArrayList<>(resourcesInStartOrder);
    java.util.Collections.reverse(reversed);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      closeAll(reversed);
      closed.countDown();
    }, "station-shutdown"));
    closed.await();
  }

  static void closeAll(List<? extends AutoCloseable> resources) {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        log.warn("Error while stopping {}: {}", r, e.getMessage());
      }
    }
  }
}
