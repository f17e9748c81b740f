package org.stationreplay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The results of one benchmark run, and their rendering as BENCHMARKS.md. */
public final class Report {
  record Ratio(String what, String baselineName, double baseline, double project, double target) {
    double ratio() {
      return project / baseline;
    }
  }

  record Accuracy(String speed, Instant from, Instant to, Stats lateness, double endDriftMs) {}

  record Latency(Duration commitInterval, Stats stats, Stats steady) {}

  record Demo(double firstStateSeconds, double peakRssMb, int seconds) {}

  /** What one fold run wrote to Kafka, by kind of topic, in bytes of log on the broker. */
  record Written(Duration commitInterval, long records, Map<String, Long> byKind) {
    long total() {
      return byKind.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final BenchConfig config;
  private final Instant started = Instant.now();
  private Ratio replay;
  private String producerSettings;
  private final List<Ratio> folds = new ArrayList<>();
  private final List<List<Long>> heaps = new ArrayList<>();
  private final List<String> foldProfiles = new ArrayList<>();
  private final List<Written> written = new ArrayList<>();
  private double foldFloor = Double.NaN;
  private List<Double> foldBaselines = List.of();
  private final List<Accuracy> accuracy = new ArrayList<>();
  private final List<Latency> latency = new ArrayList<>();
  private final List<Written> pacedWritten = new ArrayList<>();
  private Demo demo;

  Report(BenchConfig config) {
    this.config = config;
  }

  void replay(Ratio r, String settings) {
    replay = r;
    producerSettings = settings;
  }

  void fold(Ratio r, List<Long> heapMb, String profile, Written w) {
    written.add(w);
    folds.add(r);
    heaps.add(heapMb);
    foldProfiles.add(profile);
  }

  void foldBaselines(List<Double> recordsPerSecond) {
    foldBaselines = List.copyOf(recordsPerSecond);
  }

  void foldFloor(double recordsPerSecond) {
    foldFloor = recordsPerSecond;
  }

  void accuracy(Accuracy a) {
    accuracy.add(a);
  }

  void latency(Latency l, Written paced) {
    latency.add(l);
    if (paced != null) {
      pacedWritten.add(paced);
    }
  }

  void demo(Demo d) {
    demo = d;
  }

  public void write(Path file, String notes) throws IOException {
    Files.writeString(file, markdown(notes));
  }

  String markdown(String notes) {
    StringBuilder b = new StringBuilder();
    b.append("# Benchmarks\n\n");
    b.append("Written by `").append(config.command()).append("` on ")
        .append(DateTimeFormatter.ISO_INSTANT.format(started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
        .append(config.quick() ? " (quick mode: a smaller log and shorter windows)" : "").append(".\n\n");
    b.append("| Machine | |\n|---|---|\n");
    b.append("| CPU | ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores |\n");
    b.append("| Memory | ").append(memTotal()).append(" |\n");
    b.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append(", max heap ")
        .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MB |\n");
    b.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append(" |\n");
    b.append("| Kafka | 4.4.0, embedded single-node KRaft broker in the benchmark's JVM (broker, clients and ")
        .append("Streams share the cores); topics with 3 partitions, replication 1 |\n");
    b.append("| Producer | ").append(producerSettings).append(" |\n\n");
    b.append("Every baseline runs in the same JVM, against the same broker, in the same run as the figure it is ")
        .append("compared with.\n\n");

    b.append("## 1. Replay throughput\n\n| What | Baseline | Project | Ratio | Target |\n|---|---|---|---|---|\n");
    row(b, replay, "records/s");
    b.append("\n## 2. Fold throughput (Kafka Streams, exactly-once)\n\n")
        .append("| What | Baseline | Project | Ratio | Target |\n|---|---|---|---|---|\n");
    folds.forEach(f -> row(b, f, "records/s"));
    b.append("\nHeap used by the whole JVM (broker, Streams app) after a GC, at 25 / 50 / 75 / 100 % of the log: ");
    for (int i = 0; i < heaps.size(); i++) {
      b.append(i == 0 ? "" : "; ").append(heaps.get(i)).append(" MB (")
          .append(folds.get(i).what().replaceAll(".*commit.interval.ms=(\\d+).*", "commit $1 ms")).append(')');
    }
    b.append(". The fold keeps each replay's latest snapshot in memory and its current run on disk; nothing in")
        .append(" memory grows with the length of the log.\n");
    b.append("\nThe targets: at least 0.10 of ConsumerPerformance (issue 12); the compass says 0.25.");
    if (!foldBaselines.isEmpty()) {
      b.append(" ConsumerPerformance ran three times, before, between and after the folds: ")
          .append(foldBaselines.stream().map(v -> String.format(Locale.ROOT, "%.0f", v))
              .reduce((x, y) -> x + ", " + y).orElse(""))
          .append(" records/s; the ratios use the median.");
    }
    b.append("\n");
    if (!Double.isNaN(foldFloor) && !folds.isEmpty()) {
      b.append(String.format(Locale.ROOT, "%nThe floor, from the same run: a Kafka Streams app with the fold's settings "
              + "(exactly-once, commit 100 ms, as many threads) that reads every record and does nothing with it: %.0f records/s, "
              + "**%.2f** of ConsumerPerformance. The fold at commit 100 ms runs at %.2f of that floor.%n", foldFloor,
          foldFloor / folds.get(0).baseline(), folds.get(0).project() / foldFloor));
    }
    if (!written.isEmpty()) {
      b.append("\nBytes the fold wrote to Kafka per event read (the size of the logs on the broker after the fold, ")
          .append("record batches included, of every topic the fold writes and of the app's changelogs):\n\n")
          .append("| Commit interval | Bytes per event | ").append(String.join(" | ", written.get(0).byKind().keySet()))
          .append(" |\n|---|---|").append("---|".repeat(written.get(0).byKind().size())).append("\n");
      for (Written w : written) {
        b.append(String.format(Locale.ROOT, "| %d ms | **%.0f** |", w.commitInterval().toMillis(),
            (double) w.total() / w.records()));
        for (String kind : written.get(0).byKind().keySet()) {
          b.append(String.format(Locale.ROOT, " %.0f |", (double) w.byKind().getOrDefault(kind, 0L) / w.records()));
        }
        b.append("\n");
      }
    }
    if (!foldProfiles.isEmpty()) {
      b.append("\nWhere the fold's time went (Kafka Streams' own thread metrics, and the stream thread's CPU time):\n\n");
      foldProfiles.forEach(p -> b.append("- ").append(p).append(".\n"));
    }
    b.append("\n## 3. Scheduling accuracy\n\nLateness of each send (events and clock ticks) against its scheduled ")
        .append("time, through the real transactional Kafka sink.\n\n")
        .append("| Speed | Window (simulated) | Sends | p50 | p99 | max | end drift | Target |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (Accuracy a : accuracy) {
      b.append(String.format(Locale.ROOT, "| %s | %s to %s | %d | %.3f ms | %.3f ms | %.3f ms | %.3f ms | "
              + "p99 <= 2 ms, drift <= 5 ms: %s |%n", a.speed(), a.from().toString().substring(0, 10),
          a.to().toString().substring(0, 10), a.lateness().count(), a.lateness().p50(), a.lateness().p99(),
          a.lateness().max(), a.endDriftMs(),
          a.lateness().p99() <= 2 && a.endDriftMs() <= 5 ? "met" : "**not met**"));
    }
    b.append("\n## 4. End-to-end latency\n\nFrom the producer handing an event to Kafka to the new state arriving ")
        .append("at an SSE client of the dashboard (exactly-once, a year per second from 2001: about one event every 20 ms).\n\n")
        .append("| Streams commit interval | States | p50 | p99 | max | steady: p50 | p99 | max | Target p99 <= 50 ms |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (Latency l : latency) {
      b.append(String.format(Locale.ROOT, "| %d ms | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s |%n",
          l.commitInterval().toMillis(), l.stats().count(), l.stats().p50(), l.stats().p99(), l.stats().max(),
          l.steady().p50(), l.steady().p99(), l.steady().max(), l.stats().p99() <= 50 ? "met" : "**not met**"));
    }
    b.append("\nSteady: events sent from the third second of the run on, after the backlog of the run's start.\n");
    if (!pacedWritten.isEmpty()) {
      b.append("\nBytes the fold wrote to Kafka per record of these paced replays (events, ticks and markers; most ")
          .append("events in a commit of their own), counted as in section 2:\n\n")
          .append("| Commit interval | Records read | Bytes per record | ")
          .append(String.join(" | ", pacedWritten.get(0).byKind().keySet())).append(" |\n|---|---|---|")
          .append("---|".repeat(pacedWritten.get(0).byKind().size())).append("\n");
      for (Written w : pacedWritten) {
        b.append(String.format(Locale.ROOT, "| %d ms | %d | **%.0f** |", w.commitInterval().toMillis(), w.records(),
            (double) w.total() / w.records()));
        for (String kind : pacedWritten.get(0).byKind().keySet()) {
          b.append(String.format(Locale.ROOT, " %.0f |", (double) w.byKind().getOrDefault(kind, 0L) / w.records()));
        }
        b.append("\n");
      }
    }
    if (folds.size() == 2) {
      b.append(String.format(Locale.ROOT, "%nThroughput cost of the 10 ms commit interval: the fold runs at %.0f "
              + "records/s instead of %.0f (%.0f %%).%n", folds.get(1).project(), folds.get(0).project(),
          100 * folds.get(1).project() / folds.get(0).project()));
    }
    b.append("\n## 5. The demo\n\n| Figure | Measured | Target |\n|---|---|---|\n");
    if (demo != null) {
      b.append(String.format(Locale.ROOT, "| `./station demo` start to the first state served | %.1f s | <= 10 s: %s |%n",
          demo.firstStateSeconds(), demo.firstStateSeconds() <= 10 ? "met" : "**not met**"));
      b.append(String.format(Locale.ROOT, "| Peak RSS of the whole demo (first %d s of replay) | %.0f MB | "
              + "<= 1 GB: %s |%n", demo.seconds(), demo.peakRssMb(), demo.peakRssMb() <= 1024 ? "met" : "**not met**"));
    }
    if (notes != null && !notes.isBlank()) {
      b.append("\n").append(notes.strip()).append("\n");
    }
    return b.toString();
  }

  private static void row(StringBuilder b, Ratio r, String unit) {
    if (r == null) {
      return;
    }
    b.append(String.format(Locale.ROOT, "| %s | %s: %.0f %s | %.0f %s | **%.2f** | >= %.2f: %s |%n", r.what(),
        r.baselineName(), r.baseline(), unit, r.project(), unit, r.ratio(), r.target(),
        r.ratio() >= r.target() ? "met" : "not met"));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB").orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String date(Instant i) {
    return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(i);
  }
}
