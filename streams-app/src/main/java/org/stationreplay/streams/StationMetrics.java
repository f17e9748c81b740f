package org.stationreplay.streams;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.ToDoubleFunction;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicSpec;

/**
 * What {@code GET /metrics} serves, in Prometheus' text format: Kafka Streams' own metrics and those of the
 * feed's consumer and the control producer (Micrometer's binders: {@code kafka_stream_*}, {@code kafka_consumer_*},
 * {@code kafka_producer_*}...), the JVM's, and the project's own ({@code station_*}, see README "Monitoring").
 *
 * <p>A scrape reads only what is in memory: Kafka's metric objects and what the feed last read. The per-replay
 * gauges are registered for every replay the feed knows when a scrape comes.
 */
public final class StationMetrics implements AutoCloseable {
  public static final String DEAD_LETTERS = "station.dead.letters";
  public static final String SSE_CLIENTS = "station.sse.clients";
  public static final String FOLD_LAG = "station.fold.event.time.lag";
  public static final String REPLAY_LATENESS = "station.replay.lateness";
  /** How often the Kafka binders look for new metrics (tasks, partitions): at once after a rebalance, more or less. */
  static final Duration KAFKA_REFRESH = Duration.ofSeconds(10);
  /** Prometheus' classic text format: what {@code curl} and most scrapers get. */
  public static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
  /** OpenMetrics 1.0, for a scraper that asks for it (Prometheus does). */
  public static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final StateFeed feed;
  private final Set<String> replaysSeen = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "metrics-refresh");
    t.setDaemon(true);
    return t;
  });
  private final List<AutoCloseable> binders;

  public StationMetrics(StationStreamsApp streams, StateFeed feed, ControlPublisher control) {
    this.feed = feed;
    // Kafka's consumers report every per-topic metric twice for a topic with periods in its name, the second time
    // with underscores (deprecated, says Kafka): all of ours have periods, so the twins would only double the scrape.
    Set<String> twins = StationTopics.all(feed.topics(), 1,
            feed.engine().projections().stream().map(p -> p.name()).toList()).stream()
        .map(TopicSpec::name).filter(n -> n.contains(".")).map(n -> n.replace('.', '_'))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    registry.config().meterFilter(MeterFilter.deny(id -> {
      String topic = id.getTag("topic");
      return topic != null && twins.contains(topic);
    }));
    KafkaStreamsMetrics kafkaStreams = new KafkaStreamsMetrics(streams.kafkaStreams(), List.of(), refresh,
        KAFKA_REFRESH);
    KafkaClientMetrics feedConsumer = new KafkaClientMetrics(feed.consumer(), List.of(), refresh, KAFKA_REFRESH);
    KafkaClientMetrics controlProducer = new KafkaClientMetrics(control.producer(), List.of(), refresh,
        KAFKA_REFRESH);
    JvmGcMetrics gc = new JvmGcMetrics();
    binders = List.of(kafkaStreams, feedConsumer, controlProducer, gc);
    kafkaStreams.bindTo(registry);
    feedConsumer.bindTo(registry);
    controlProducer.bindTo(registry);
    gc.bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    FunctionCounter.builder(DEAD_LETTERS, streams, StationStreamsApp::deadLetters)
        .description("Records this instance's fold sent to the dead-letter topic (its tasks' counts since they "
            + "started here)")
        .register(registry);
    Gauge.builder(SSE_CLIENTS, feed, StateFeed::subscribers)
        .description("Dashboards (Server-Sent Events clients) connected to this instance")
        .register(registry);
  }

  /** The registry, for binding more meters (a replay in the same process, say). */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** One scrape, in the format {@code accept} asks for (Prometheus text 0.0.4 unless OpenMetrics is asked for). */
  public Scrape scrape(String accept) throws IOException {
    for (String replay : feed.replays()) {
      if (replaysSeen.add(replay)) {
        perReplay(replay, FOLD_LAG, "How far the state is behind the replay's clock, in simulated seconds: "
            + "simulatedTime on station.replay-status minus the latest state's asOf", ReplayTimes::foldLagSeconds);
        perReplay(replay, REPLAY_LATENESS, "How late the producer sent the replay's last event against its "
            + "schedule, in wall-clock seconds (lagMillis on station.replay-status)", ReplayTimes::latenessSeconds);
      }
    }
    // Two text formats only: Prometheus' protobuf format would need a protobuf library for nothing.
    String type = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : TEXT;
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    registry.scrape(out, type);
    return new Scrape(type, out.toByteArray());
  }

  private void perReplay(String replay, String name, String description, ToDoubleFunction<ReplayTimes> value) {
    Gauge.builder(name, feed, f -> value.applyAsDouble(f.times(replay)))
        .tag("replay", replay)
        .baseUnit("seconds")
        .description(description)
        .register(registry);
  }

  /** A scrape's body and its content type. */
  public record Scrape(String contentType, byte[] body) {}

  @Override
  public void close() {
    for (AutoCloseable binder : binders) {
      try {
        binder.close();
      } catch (Exception e) {
        // nothing to do: the registry goes with it
      }
    }
    refresh.shutdownNow();
    registry.close();
  }
}
