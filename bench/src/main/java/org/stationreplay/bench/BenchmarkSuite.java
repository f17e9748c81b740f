package org.stationreplay.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.events.StationEvent;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.producer.EventEncoder;
import org.stationreplay.producer.KafkaEventSink;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayEngine;
import org.stationreplay.producer.ReplayPlan;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.Speed;
import org.stationreplay.streams.StationService;
import org.stationreplay.streams.StationStreamsApp;
import org.stationreplay.streams.StreamsReset;
import org.stationreplay.streams.StreamsSettings;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicAdmin;
import org.stationreplay.topics.TopicNames;

/**
 * Every figure of BENCHMARKS.md, measured in one run on one embedded broker, each beside its baseline where one
 * exists: the replay at max speed against ProducerPerformance, the fold against ConsumerPerformance, scheduling
 * accuracy, end-to-end latency to an SSE client, and the demo's start and memory.
 */
public final class BenchmarkSuite {
  private final BenchConfig config;
  private final Consumer<String> progress;
  private final List<StationEvent> history = HistoryReader.bundled().events();
  private final String stamp = Long.toString(System.currentTimeMillis(), 36);
  /**
   * Synthetic stations on the warm-up topic that each side (ProducerPerformance and the replay, ConsumerPerformance
   * and the fold) runs over before it is measured: about 50,000 records, enough for the JIT to compile the hot paths
   * of both (fewer left the quick run's fold still warming up).
   */
  static final int WARMUP_STATIONS = 50;

  public BenchmarkSuite(BenchConfig config, Consumer<String> progress) {
    this.config = config;
    this.progress = progress;
  }

  public Report run() throws Exception {
    Report report = new Report(config);
    String only = System.getProperty("bench.figures", "12345"); // for working on one figure
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Map<String, Object> client = new java.util.HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
          broker.bootstrapServers()));
      // For experiments: client settings given to every client of the run, the baselines' included
      // (-Dbench.client="batch.size=1048576;linger.ms=10").
      for (String kv : System.getProperty("bench.client", "").split(";")) {
        if (kv.contains("=")) {
          client.put(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1).trim());
        }
      }
      TopicNames topics = TopicNames.prefixed("bench-" + stamp + "-");
      try (Admin admin = Admin.create(client)) {
        TopicAdmin.ensure(admin, StationTopics.all(topics, StationTopics.DEFAULT_PARTITIONS));
        if (only.contains("1") || only.contains("2")) {
          progress.accept("1/5 replay at max speed against ProducerPerformance");
          long records = replayThroughput(report, client, admin, topics);
          if (only.contains("2")) {
            progress.accept("2/5 fold (exactly-once) against ConsumerPerformance");
            foldThroughput(report, client, admin, topics, records);
          }
        }
      }
      if (only.contains("3")) {
        progress.accept("3/5 scheduling accuracy");
        accuracy(report, client, "1 day / s", Speed.DAY_PER_SECOND, Instant.parse("2009-05-01T00:00:00Z"),
            config.dayWindow());
        accuracy(report, client, "1 year / s", new Speed(365.25 * 86_400), Instant.parse("2001-01-01T00:00:00Z"),
            config.yearWindow());
      }
      if (only.contains("4")) {
        progress.accept("4/5 end-to-end latency to an SSE client");
        for (Duration commit : config.foldCommitIntervals()) {
          latency(report, client, commit);
        }
      }
    }
    if (only.contains("5")) {
      progress.accept("5/5 demo start and memory");
      demo(report);
    }
    return report;
  }

  // ---------------------------------------------------------------- 1: replay throughput

  private long replayThroughput(Report report, Map<String, Object> client, Admin admin, TopicNames topics)
      throws Exception {
    int stations = Integer.getInteger("bench.stations", config.stations());
    // The baseline sends our own events as its payload, so both sides send the same bytes.
    Path payload = Files.createTempFile("station-bench-payload", ".jsonl");
    JsonSerde<StationEvent> serde = JsonSerde.of(StationEvent.class);
    long bytes = 0;
    try (var w = Files.newBufferedWriter(payload)) {
      for (StationEvent e : Synthetic.copy(history, "station-0000")) {
        String json = new String(serde.serialize("t", e), StandardCharsets.UTF_8);
        bytes += json.length();
        w.write(json);
        w.write('\n');
      }
    }
    int recordSize = (int) (bytes / history.size());
    long records = (long) stations * (history.size() + 1); // each station's run opens with its marker

    // Both sides warm up first on a topic of their own (JIT, broker, connections), then are measured.
    TopicNames warmup = TopicNames.prefixed("bench-warmup-" + stamp + "-");
    TopicAdmin.ensure(admin, StationTopics.all(warmup, StationTopics.DEFAULT_PARTITIONS));
    replayStations(client, warmup, Math.min(WARMUP_STATIONS, stations));
    String baselineTopic = topics.events() + "-baseline";
    TopicAdmin.ensure(admin, List.of(StationTopics.events(topics, StationTopics.DEFAULT_PARTITIONS)
        .withName(baselineTopic)));
    Map<String, Object> producer = KafkaEventSink.producerConfig(client, topics, "baseline", true);
    long transactionMs = KafkaEventSink.MAX_TRANSACTION_MILLIS;
    KafkaTools.producerPerformance(producerPerformanceArgs(baselineTopic + "-warmup", Math.min(records, 20_000),
        payload, transactionMs, producer, admin, topics));

    // Ours: the real replay path (ReplayEngine, transactional KafkaEventSink) over every synthetic station.
    double seconds = replayStations(client, topics, stations);
    double ours = records / seconds;

    double baseline = KafkaTools.producerPerformance(producerPerformanceArgs(baselineTopic, records, payload,
        transactionMs, producer, admin, topics));
    Files.deleteIfExists(payload);
    report.replay(new Report.Ratio("Replay at max speed, " + records + " records of " + recordSize + " B ("
        + stations + " synthetic stations x " + history.size() + " events + run markers)",
        "ProducerPerformance, same records, size and producer settings, transactions of " + transactionMs + " ms",
        baseline, ours, 0.9), producerDescription(producer));
    return records;
  }

  /**
   * Replays every synthetic station through one sink and returns the seconds spent replaying. Each station's copy
   * of the history is made and encoded before its clock starts, as ProducerPerformance reads its payload file
   * before it starts (a real replay encodes each history event once, when first sent).
   */
  private double replayStations(Map<String, Object> client, TopicNames topics, int stations)
      throws InterruptedException {
    Map<StationEvent, byte[]> prepared = new java.util.IdentityHashMap<>();
    EventEncoder json = EventEncoder.json();
    long replaying = 0;
    try (KafkaEventSink sink = KafkaEventSink.create(client, topics, "bench", true,
        e -> prepared.computeIfAbsent(e, json::encode))) {
      for (int s = 0; s < stations; s++) {
        String key = String.format("station-%04d", s);
        List<StationEvent> events = Synthetic.copy(history, key);
        prepared.clear();
        events.forEach(e -> prepared.put(e, json.encode(e)));
        long start = System.nanoTime();
        new ReplayEngine(ReplayPlan.once(key, events, Speed.MAX), ReplayClock.SYSTEM, sink,
            new LinkedBlockingQueue<>(), ReplayListener.NONE).run();
        replaying += System.nanoTime() - start;
      }
      long start = System.nanoTime();
      sink.flush();
      replaying += System.nanoTime() - start;
    }
    return replaying / 1e9;
  }

  private List<String> producerPerformanceArgs(String topic, long records, Path payload, long transactionMs,
      Map<String, Object> producer, Admin admin, TopicNames topics) {
    TopicAdmin.ensure(admin, List.of(StationTopics.events(topics, Integer.getInteger("bench.baseline.partitions", StationTopics.DEFAULT_PARTITIONS)).withName(topic)));
    List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(records),
        "--payload-file", payload.toString(), "--throughput", "-1", "--transactional-id",
        "bench-baseline-" + topic, "--transaction-duration-ms", Long.toString(transactionMs), "--producer-props"));
    producer.forEach((k, v) -> {
      if (!k.equals("transactional.id") && !k.equals("client.id")) {
        args.add(k + "=" + v);
      }
    });
    return args;
  }

  private static String producerDescription(Map<String, Object> p) {
    return "acks=" + p.get("acks") + ", enable.idempotence=" + p.get("enable.idempotence") + ", transactional, "
        + "linger.ms=" + p.get("linger.ms") + ", batch.size=" + p.get("batch.size")
        + ", max.in.flight.requests.per.connection=" + p.get("max.in.flight.requests.per.connection");
  }

  // ---------------------------------------------------------------- 2: fold throughput

  private void foldThroughput(Report report, Map<String, Object> client, Admin admin, TopicNames topics,
      long records) throws Exception {
    // Both sides warm up first, as for the replay: ConsumerPerformance and a whole fold app (JIT, RocksDB, the
    // broker's caches) run on the warm-up topic of the replay figure; then each is measured on the real one.
    TopicNames warmup = TopicNames.prefixed("bench-warmup-" + stamp + "-");
    long warmupRecords = (long) Math.min(WARMUP_STATIONS, Integer.getInteger("bench.stations", config.stations()))
        * (history.size() + 1);
    KafkaTools.consumerPerformance(List.of("--bootstrap-server",
        (String) client.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG), "--topic", warmup.events(),
        "--messages", Long.toString(warmupRecords), "--group", "bench-consumer-warmup-" + stamp, "--timeout",
        "60000"));
    String warmupApp = "bench-fold-warmup-" + stamp;
    try (StationStreamsApp app = StationStreamsApp.start(new StreamsSettings(warmupApp, client,
        config.workDir().resolve(warmupApp), Duration.ofMillis(100), warmup, StationTopics.DEFAULT_PARTITIONS))) {
      app.awaitRunning(Duration.ofSeconds(120));
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (committed(admin, warmupApp, warmup.events()) < warmupRecords && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }
    // ConsumerPerformance three times: before the folds, between them and after; the ratios use the median, as
    // its speed on this VM varies from one run to the next.
    List<Double> baselines = new ArrayList<>();
    baselines.add(consumerPerformance(client, topics, records, 1));
    double floor = emptyStreamsApp(client, admin, topics, records);
    baselines.add(consumerPerformance(client, topics, records, 2));
    record FoldRun(Duration commit, double rate, List<Long> heap, String profile, Report.Written written) {}
    List<FoldRun> runs = new ArrayList<>();
    for (Duration commit : config.foldCommitIntervals()) {
      String appId = "bench-fold-" + commit.toMillis() + "-" + stamp;
      Path stateDir = config.workDir().resolve(appId);
      List<Long> heap = new ArrayList<>();
      double rate;
      String profile;
      java.util.function.Predicate<String> written = t -> !t.equals(topics.events())
          && (t.startsWith(topics.projectionPrefix()) || t.equals(topics.deadLetters())
              || t.equals(topics.projectionStatus()) || t.startsWith(appId + "-"));
      Map<String, Long> sizesBefore = KafkaTools.logSizes(admin, written);
      try (StationStreamsApp app = StationStreamsApp.start(new StreamsSettings(appId, client, stateDir, commit,
          topics, StationTopics.DEFAULT_PARTITIONS))) {
        // Timed from its first record, as the floor and as ConsumerPerformance's fetch rate (which leaves out its
        // group join): opening the stores of every task is start-up (figure 5), not throughput.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (processed(app) == 0) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the fold read nothing in 2 minutes");
          }
          Thread.sleep(5);
        }
        long start = System.nanoTime();
        long cpuAtStart = streamThreadCpuNanos(appId);
        double[] checkpoints = {0.25, 0.5, 0.75, 1.0};
        int next = 0;
        while (next < checkpoints.length) {
          long done = committed(admin, appId, topics.events());
          if (done >= checkpoints[next] * records) {
            heap.add(usedHeapAfterGc());
            next++;
            continue;
          }
          if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(30)) {
            throw new IllegalStateException("the fold did not finish in 30 minutes");
          }
          Thread.sleep(10);
        }
        rate = records / ((System.nanoTime() - start) / 1e9);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (streamThreadCpuNanos(appId) - cpuAtStart) / 1e9;
        Map<String, Double> m = new java.util.TreeMap<>();
        app.metrics().forEach((name, metric) -> {
          if (name.group().equals("stream-thread-metrics") && metric.metricValue() instanceof Number v) {
            m.put(name.name(), v.doubleValue());
          }
        });
        profile = String.format(java.util.Locale.ROOT, "commit.interval.ms=%d: the stream thread spent %.0f %% "
                + "of its time processing, %.0f %% committing (%.1f commits/s, %.1f ms each on average, %.0f ms at "
                + "most), %.0f %% polling; it was on a CPU for %.0f %% of the run (%.1f of %.1f s)",
            commit.toMillis(), 100 * m.getOrDefault("process-ratio", 0.0), 100 * m.getOrDefault("commit-ratio", 0.0),
            m.getOrDefault("commit-rate", 0.0), m.getOrDefault("commit-latency-avg", 0.0),
            m.getOrDefault("commit-latency-max", 0.0), 100 * m.getOrDefault("poll-ratio", 0.0),
            100 * cpu / seconds, cpu, seconds);
        progress.accept(profile);
      }
      Map<String, Long> bytes = KafkaTools.logSizes(admin, written);
      sizesBefore.forEach((t, size) -> bytes.merge(t, -size, Long::sum));
      runs.add(new FoldRun(commit, rate, heap, profile,
          new Report.Written(commit, records, KafkaTools.byKind(bytes, topics, appId))));
    }
    baselines.add(consumerPerformance(client, topics, records, 3));
    double baseline = baselines.stream().sorted().toList().get(1);
    report.foldBaselines(baselines);
    report.foldFloor(floor);
    for (FoldRun run : runs) {
      report.fold(new Report.Ratio("Fold, exactly_once_v2, commit.interval.ms=" + run.commit().toMillis() + ", "
          + records + " records", "ConsumerPerformance on the same topic (fetch rate, median of 3)", baseline,
          run.rate(), 0.10), run.heap(), run.profile(), run.written());
    }
  }

  private double consumerPerformance(Map<String, Object> client, TopicNames topics, long records, int n)
      throws Exception {
    return KafkaTools.consumerPerformance(List.of("--bootstrap-server",
        (String) client.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG), "--topic", topics.events(),
        "--messages", Long.toString(records), "--group", "bench-consumer-" + n + "-" + stamp, "--timeout", "60000"));
  }

  /**
   * Records a second of a Kafka Streams app with the fold's settings (exactly-once, commit 100 ms, the same
   * consumer and producer settings) reads when it does nothing with them: the floor of any fold, to tell what the
   * fold costs from what Kafka Streams itself costs here.
   */
  private double emptyStreamsApp(Map<String, Object> client, Admin admin, TopicNames topics, long records)
      throws Exception {
    String appId = "bench-empty-" + stamp;
    // Timed from its first record: with several stream threads an app that does nothing can read most of the log
    // while its threads are still joining (the client's state is not RUNNING yet).
    java.util.concurrent.atomic.AtomicLong firstRecord = new java.util.concurrent.atomic.AtomicLong();
    org.apache.kafka.streams.Topology empty = new org.apache.kafka.streams.Topology()
        .addSource("events-source", new org.apache.kafka.common.serialization.StringDeserializer(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(), topics.events())
        .addProcessor("drop", () -> new org.apache.kafka.streams.processor.api.Processor<String, byte[], Void, Void>() {
          @Override
          public void process(org.apache.kafka.streams.processor.api.Record<String, byte[]> record) {
            firstRecord.compareAndSet(0, System.nanoTime());
          }
        }, "events-source");
    java.util.Properties props = new StreamsSettings(appId, client, config.workDir().resolve(appId),
        Duration.ofMillis(100), topics, StationTopics.DEFAULT_PARTITIONS).toProperties();
    try (org.apache.kafka.streams.KafkaStreams streams = new org.apache.kafka.streams.KafkaStreams(empty, props)) {
      streams.start();
      while (streams.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
        Thread.sleep(20);
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (committed(admin, appId, topics.events()) < records) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the empty Streams app did not finish in 10 minutes");
        }
        Thread.sleep(10);
      }
      return records / ((System.nanoTime() - firstRecord.get()) / 1e9);
    }
  }

  /** Records the app's stream threads have processed so far. */
  private static double processed(StationStreamsApp app) {
    double sum = 0;
    for (var e : app.metrics().entrySet()) {
      if (e.getKey().group().equals("stream-thread-metrics") && e.getKey().name().equals("process-total")
          && e.getValue().metricValue() instanceof Number n) {
        sum += n.doubleValue();
      }
    }
    return sum;
  }

  /** CPU time of the app's stream threads so far: how much of the fold's wall time was spent on a CPU. */
  private static long streamThreadCpuNanos(String appId) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (java.lang.management.ThreadInfo t : threads.dumpAllThreads(false, false)) {
      if (t.getThreadName().startsWith(appId) && t.getThreadName().contains("StreamThread")
          && !t.getThreadName().contains("producer")) {
        sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
      }
    }
    return sum;
  }

  private static long committed(Admin admin, String appId, String topic) throws Exception {
    try {
      return admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get().entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic)).mapToLong(e -> e.getValue().offset()).sum();
    } catch (Exception e) {
      return 0;
    }
  }

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
  }

  // ---------------------------------------------------------------- 3: scheduling accuracy

  private void accuracy(Report report, Map<String, Object> client, String label, Speed speed, Instant from,
      Duration window) throws Exception {
    Instant to = from.plusSeconds(Math.round(window.toSeconds() * speed.factor()));
    TopicNames topics = TopicNames.prefixed("bench-accuracy-" + label.replaceAll("\\W", "") + "-" + stamp + "-");
    try (Admin admin = Admin.create(client)) {
      TopicAdmin.ensure(admin, StationTopics.all(topics, StationTopics.DEFAULT_PARTITIONS));
    }
    long[] lateness = new long[1_000_000];
    int[] n = {0};
    long[] last = {0};
    ReplayListener listener = new ReplayListener() {
      @Override
      public void sent(int index, int total, StationEvent event, long latenessNanos) {
        record(latenessNanos);
      }

      @Override
      public void ticked(Instant time, long latenessNanos) {
        record(latenessNanos);
      }

      private void record(long nanos) {
        if (n[0] < lateness.length) {
          lateness[n[0]++] = nanos;
        }
        last[0] = nanos;
      }
    };
    try (KafkaEventSink sink = KafkaEventSink.create(client, topics, StationTopics.ISS, false)) {
      List<StationEvent> window2 = history.stream().filter(e -> !e.time().isAfter(to)).toList();
      new ReplayEngine(ReplayPlan.once(StationTopics.ISS, ReplayPlan.cut(window2, to), speed).from(from),
          ReplayClock.SYSTEM, sink, new LinkedBlockingQueue<>(), listener).run();
      sink.flush();
    }
    report.accuracy(new Report.Accuracy(label, from, to, Stats.ofNanos(lateness, n[0]), last[0] / 1e6));
  }

  // ---------------------------------------------------------------- 4: end-to-end latency

  private Report.Written pacedWritten;

  private void latency(Report report, Map<String, Object> client, Duration commit) throws Exception {
    TopicNames topics = TopicNames.prefixed("bench-latency-" + commit.toMillis() + "-" + stamp + "-");
    String appId = "bench-latency-" + commit.toMillis() + "-" + stamp;
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    long[] latencies = new long[100_000];
    long[] steady = new long[100_000];
    int n = 0;
    int ns = 0;
    try (StationService service = StationService.start(new StreamsSettings(appId, client,
        config.workDir().resolve(appId), commit, topics, StationTopics.DEFAULT_PARTITIONS), "127.0.0.1", 0,
        Duration.ofSeconds(120))) {
      HttpResponse<java.io.InputStream> sse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + service.httpPort() + "/api/stream")).header("Accept", "text/event-stream")
              .build(),
          HttpResponse.BodyHandlers.ofInputStream());
      LinkedBlockingQueue<String[]> received = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> readSse(sse.body(), received), "bench-sse");
      reader.setDaemon(true);
      reader.start();
      // Twice: the first pass warms up the JIT, the broker, the Streams app and the feed (its first states took
      // over a second, and would be measured otherwise); only the second pass, a new run of the same replay, counts.
      String lastSeen = null;
      // One producer for both passes, as a running replay has: its transactional set-up is not measured either.
      KafkaEventSink sink = KafkaEventSink.create(client, topics, StationTopics.ISS, false);
      for (int pass = 0; pass < 2; pass++) {
        sentAt.clear();
        n = 0;
        ns = 0;
        lastSeen = null;
        long passStart = System.nanoTime();
        // A year per second from 2001: about 50 events a second, one every 20 ms on average.
        Instant from = Instant.parse("2001-01-01T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(365L * config.latencySeconds()));
        List<StationEvent> window = history.stream().filter(e -> !e.time().isAfter(to)).toList();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean(); // read by this thread, set by the replay's
        Thread replay = new Thread(() -> {
          try {
            new ReplayEngine(ReplayPlan.once(StationTopics.ISS, window, LATENCY_SPEED).from(from),
                ReplayClock.SYSTEM, sink, new LinkedBlockingQueue<>(), new ReplayListener() {
                  @Override
                  public void sent(int index, int total, StationEvent event, long latenessNanos) {
                    sentAt.put(event.id(), System.nanoTime());
                  }
                }).run();
            sink.flush();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            done.set(true);
          }
        }, "bench-latency-replay");
        replay.start();
        String lastPaced = window.get(window.size() - 1).id();
        long deadline = Long.MAX_VALUE;
        // Until the state of the last event arrives, or 10 s after the replay ended.
        while (System.nanoTime() < deadline && !lastPaced.equals(lastSeen)) {
          if (done.get() && deadline == Long.MAX_VALUE) {
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          }
          String[] m = received.poll(200, TimeUnit.MILLISECONDS);
          if (m == null) {
            continue;
          }
          long now = Long.parseLong(m[1]);
          String id = Json.mapper().readTree(m[0]).path("lastEventId").asText(null);
          if (id != null && !id.equals(lastSeen)) {
            Long sent = sentAt.get(id);
            if (sent != null && n < latencies.length && !isBurst(id, from)) {
              latencies[n++] = now - sent;
              if (sent - passStart > STEADY_AFTER_NANOS) {
                steady[ns++] = now - sent;
              }
            }
            lastSeen = id;
          }
        }
        replay.join(10_000);
      }
      sink.close();
      if (Boolean.getBoolean("bench.debug")) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
          b.append(latencies[i] / 1_000_000).append(' ');
        }
        progress.accept("latencies in order (ms): " + b);
      }
      progress.accept("latency at commit " + commit.toMillis() + " ms: " + n + " states measured of "
          + sentAt.size() + " events sent; last state seen " + lastSeen);
    }
    // What the fold wrote per record of a paced replay (most events in a commit of their own).
    try (Admin admin = Admin.create(client)) {
      Map<String, Long> bytes = KafkaTools.logSizes(admin, t -> t.startsWith(topics.projectionPrefix())
          || t.equals(topics.projectionStatus()) || t.startsWith(appId + "-"));
      long read = KafkaTools.logEnd(admin, topics.events());
      pacedWritten = new Report.Written(commit, read, KafkaTools.byKind(bytes, topics, appId));
    }
    report.latency(new Report.Latency(commit, Stats.ofNanos(latencies, n), Stats.ofNanos(steady, ns)), pacedWritten);
  }

  /** The start of a run drains a backlog for about 1.5 s (see BENCHMARKS.md); the steady figure leaves it out. */
  static final long STEADY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(2);
  static final Speed LATENCY_SPEED = new Speed(365.25 * 86_400);

  /** Events before the window are sent at once to build the state; only paced ones are measured. */
  private boolean isBurst(String id, Instant from) {
    return id.compareTo(from.toString().substring(0, 10)) < 0;
  }

  private static void readSse(java.io.InputStream body, LinkedBlockingQueue<String[]> out) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      String event = null;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:") && "state".equals(event)) {
          out.add(new String[] {line.substring(5).trim(), Long.toString(System.nanoTime())});
        } else if (line.isEmpty()) {
          event = null;
        }
      }
    } catch (IOException e) {
      // closed
    }
  }

  // ---------------------------------------------------------------- 5: demo start and memory

  private void demo(Report report) throws Exception {
    Path jar = Path.of(BenchmarkSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (!jar.toString().endsWith(".jar")) {
      jar = config.jar();
    }
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    long start = System.nanoTime();
    Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-jar", jar.toString(), "demo", "--http-port", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(config.workDir().resolve("demo.log").toFile()).start();
    double firstState = Double.NaN;
    long peakKb = 0;
    try {
      HttpClient http = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline && Double.isNaN(firstState)) {
        try {
          if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/state")).build(),
              HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
            firstState = (System.nanoTime() - start) / 1e9;
          }
        } catch (IOException notYet) {
          // starting
        }
        peakKb = Math.max(peakKb, peakRssKb(demo.pid()));
        Thread.sleep(100);
      }
      long runUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.demoSeconds());
      while (System.nanoTime() < runUntil) {
        peakKb = Math.max(peakKb, peakRssKb(demo.pid()));
        Thread.sleep(500);
      }
    } finally {
      demo.destroy();
      demo.waitFor(30, TimeUnit.SECONDS);
      demo.destroyForcibly();
    }
    report.demo(new Report.Demo(firstState, peakKb / 1024.0, config.demoSeconds()));
  }

  /** VmHWM: the peak resident set of a process (Linux). */
  private static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException gone) {
      // exited
    }
    return 0;
  }
}
