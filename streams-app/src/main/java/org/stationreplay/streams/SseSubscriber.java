package org.stationreplay.streams;

import io.javalin.http.sse.SseClient;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One browser on {@code /api/stream}. The feed thread only queues messages; a small shared pool writes them out,
 * so a slow client never holds up the feed or the others. A client that falls more than {@code capacity}
 * messages behind is disconnected: its browser reconnects with its last event id and resumes where it was.
 */
final class SseSubscriber implements FeedSubscriber {
  private record Message(String event, String data, String id) {}

  private static final Message HEARTBEAT = new Message(null, "heartbeat", null);

  private final SseClient client;
  private final BlockingQueue<Message> queue;
  private final ExecutorService writers;
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean open = true;

  SseSubscriber(SseClient client, int capacity, ExecutorService writers) {
    this.client = client;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writers = writers;
    client.onClose(() -> open = false);
  }

  @Override
  public void state(FeedPosition position, String stateJson) {
    offer(new Message("state", stateJson, position.toString()));
  }

  @Override
  public void replay(String statusJson) {
    offer(new Message("replay", statusJson, null));
  }

  @Override
  public void reset() {
    offer(new Message("reset", "{}", null));
  }

  void heartbeat() {
    offer(HEARTBEAT);
  }

  @Override
  public boolean isOpen() {
    return open && !client.terminated();
  }

  private void offer(Message m) {
    if (!isOpen()) {
      return;
    }
    if (!queue.offer(m)) {
      open = false; // too far behind: let the browser reconnect and resume from its last id
      writers.execute(client::close);
      return;
    }
    if (draining.compareAndSet(false, true)) {
      writers.execute(this::drain);
    }
  }

  private void drain() {
    try {
      Message m;
      while (isOpen() && (m = queue.poll()) != null) {
        if (m == HEARTBEAT) {
          client.sendComment("heartbeat");
        } else if (m.id() == null) {
          client.sendEvent(m.event(), m.data());
        } else {
          client.sendEvent(m.event(), m.data(), m.id());
        }
      }
    } catch (RuntimeException e) {
      open = false;
    } finally {
      draining.set(false);
    }
    if (isOpen() && !queue.isEmpty() && draining.compareAndSet(false, true)) {
      writers.execute(this::drain);
    }
  }
}
