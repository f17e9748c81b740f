package org.stationreplay.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How big a benchmark run is.
 *
 * @param stations synthetic stations, each a full copy of the history (930 give just over 1,000,000 records)
 * @param dayWindow wall-clock length of the accuracy run at one day per second
 * @param yearWindow wall-clock length of the accuracy run at one year per second
 * @param latencySeconds wall-clock length of each end-to-end latency run
 * @param demoSeconds how long the demo runs while its memory is sampled
 * @param jar the runnable station.jar, for the demo
 */
public record BenchConfig(boolean quick, int stations, Duration dayWindow, Duration yearWindow, int latencySeconds,
    int demoSeconds, Path workDir, Path jar, String command) {

  /** The fold runs at the default commit interval and at the one the latency target needs. */
  public java.util.List<Duration> foldCommitIntervals() {
    String only = System.getProperty("bench.commit.intervals");
    if (only != null) {
      return java.util.Arrays.stream(only.split(",")).map(s -> Duration.ofMillis(Long.parseLong(s.trim()))).toList();
    }
    return java.util.List.of(Duration.ofMillis(100), Duration.ofMillis(10));
  }

  public static BenchConfig full(Path workDir, Path jar, String command) {
    return new BenchConfig(false, 930, Duration.ofSeconds(30), Duration.ofSeconds(20), 20, 30, workDir, jar,
        command);
  }

  /** Under two minutes: the same figures on a smaller log and shorter windows. */
  public static BenchConfig quick(Path workDir, Path jar, String command) {
    return new BenchConfig(true, 300, Duration.ofSeconds(5), Duration.ofSeconds(5), 6, 8, workDir, jar, command);
  }
}
