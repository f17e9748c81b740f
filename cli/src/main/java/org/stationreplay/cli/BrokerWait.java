package org.stationreplay.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits for a broker that is not up yet, saying so, instead of failing at the first refused connection. */
final class BrokerWait {
  private BrokerWait() {}

  static void await(Map<String, Object> clientConfig, Duration timeout, PrintStream out) throws InterruptedException {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
    Object servers = clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean said = false;
    try (Admin admin = Admin.create(config)) {
      while (true) {
        try {
          admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
          if (said) {
            out.println("Kafka at " + servers + " is up.");
          }
          return;
        } catch (ExecutionException | TimeoutException e) {
          if (!said) {
            out.println("Waiting for Kafka at " + servers + " (up to " + timeout.toSeconds() + " s)...");
            said = true;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("cannot reach Kafka at " + servers + " after " + timeout.toSeconds()
                + " s (is the broker running? try ./station broker)");
          }
          Thread.sleep(500);
        }
      }
    }
  }
}
