package org.stationreplay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.stationreplay.broker.EmbeddedKafkaBroker;
import org.stationreplay.history.History;
import org.stationreplay.history.HistoryReader;
import org.stationreplay.json.Json;
import org.stationreplay.producer.ReplayClock;
import org.stationreplay.producer.ReplayJob;
import org.stationreplay.producer.ReplayListener;
import org.stationreplay.producer.ReplayRequest;
import org.stationreplay.producer.Speed;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projection.Snapshot;
import org.stationreplay.projections.Projections;
import org.stationreplay.projections.SpacewalkTimeProjection;
import org.stationreplay.state.StationState;
import org.stationreplay.streams.ProjectionRebuild;
import org.stationreplay.streams.ProjectionTopics;
import org.stationreplay.streams.StationService;
import org.stationreplay.streams.StreamsSettings;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;

/**
 * A projection added to a system that has already folded the whole log: deployed, it folds the log by itself, and
 * {@code ./station rebuild --projection NAME} refolds it alone, while the app runs or with none running; the other
 * projections' topics get no record and the app's committed offsets are not reset.
 */
class ProjectionRebuildIT {
  private static final String ADDED = SpacewalkTimeProjection.NAME;

  @Test
  void shouldFoldANewProjectionByItselfAndRebuildOneAloneWithoutTouchingTheOthers() throws Exception {
    History history = HistoryReader.bundled();
    String prefix = "projection-rebuild-" + System.nanoTime() + "-";
    TopicNames topics = TopicNames.prefixed(prefix);
    Path stateDir = Path.of("target", "it-state", prefix);
    String appId = prefix + "app";
    ProjectionEngine all = Projections.engine();
    ProjectionEngine before = new ProjectionEngine(Projections.ALL.stream()
        .filter(p -> !p.name().equals(ADDED)).toList());
    Snapshot offline = all.fold(history.events());
    int added = all.indexOf(ADDED);

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      StreamsSettings settings = new StreamsSettings(appId, client, stateDir, Duration.ofMillis(100), topics, 3);

      // 1. A system that has folded the whole log, without the new projection.
      try (StationService service = StationService.start(settings, before, "127.0.0.1", 0, null,
          Duration.ofSeconds(60))) {
        ReplayJob.run(client, ReplayRequest.once(history, Speed.MAX, StationTopics.ISS), ReplayClock.SYSTEM,
            ReplayListener.NONE, topics, 3);
        await().atMost(Duration.ofSeconds(120)).until(() -> service.streams().state(StationTopics.ISS)
            .map(StationState::eventsApplied).orElse(0L) == history.size());
      }
      Map<String, Long> ends = ends(admin, topics, before);
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get();

      // 2. Deployed with the new projection: it folds the log by itself; nothing else is written again.
      try (StationService service = StationService.start(settings, all, "127.0.0.1", 0, null,
          Duration.ofSeconds(60))) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
            ProjectionRebuild.progress(client, topics, ADDED, -1).done());
        assertThat(ProjectionTopics.latest(client, topics, all, added))
            .containsExactly(Map.entry(StationTopics.ISS, offline.value(added)));
        assertThat(ends(admin, topics, before)).as("the other projections' topics").isEqualTo(ends);
        assertThat(clockRecordsNaming(broker, topics, ADDED)).as("the replay's clock, written again").isEqualTo(1);
        assertThat(admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get())
            .as("the app's offsets are not reset").isEqualTo(committed);

        String base = "http://127.0.0.1:" + service.httpPort();
        JsonNode listed = Json.mapper().readTree(EndToEndIT.get(URI.create(base + "/api/projections")).body());
        assertThat(listed.path("projections").findValuesAsText("name")).containsExactlyElementsOf(
            all.projections().stream().map(Projection::name).toList());
        JsonNode state = Json.mapper().readTree(EndToEndIT.get(URI.create(base + "/api/state")).body());
        assertThat(state.path("projections").path(ADDED)).isEqualTo(Json.mapper().valueToTree(offline.value(added)));
        Instant at = Instant.parse("2009-07-20T23:59:59.999Z");
        JsonNode then = Json.mapper().readTree(EndToEndIT.get(URI.create(base + "/api/projections/" + ADDED
            + "?at=2009-07-20")).body());
        assertThat(then).isEqualTo(Json.mapper().valueToTree(all.foldUntil(history.events(), at).value(added)));

        // 3. Rebuilt alone, while the app runs.
        StationCliTest.Run rebuild = StationCliTest.run("rebuild", "--projection", ADDED, "--bootstrap-servers",
            broker.bootstrapServers(), "--topic-prefix", prefix, "--application-id", appId);
        assertThat(rebuild.exitCode()).as(rebuild.out() + rebuild.err()).isZero();
        assertThat(rebuild.out()).contains("Every value is as it was before.").contains("1 replay(s) refolded");
        assertThat(ProjectionTopics.records(client, topics, all, added)).hasSize(2); // deployed, then rebuilt
        assertThat(ends(admin, topics, before)).isEqualTo(ends);
        assertThat(clockRecordsNaming(broker, topics, ADDED)).isEqualTo(2);
        assertThat(admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get()).isEqualTo(committed);
        assertThat(service.streams().state(StationTopics.ISS).map(EndToEndIT::withoutRun))
            .hasValue(EndToEndIT.withoutRun(org.stationreplay.projections.Composite.state(all, offline)));
      }

      // 4. With no instance running, the command starts one for the rebuild.
      StationCliTest.Run offlineRebuild = StationCliTest.run("rebuild", "--projection", "crew",
          "--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix", prefix, "--application-id", appId,
          "--state-dir", stateDir.toString());
      assertThat(offlineRebuild.exitCode()).as(offlineRebuild.out() + offlineRebuild.err()).isZero();
      assertThat(offlineRebuild.out()).contains("no instance runs: starting one")
          .contains("Every value is as it was before.");

      StationCliTest.Run unknown = StationCliTest.run("rebuild", "--projection", "no-such-thing",
          "--bootstrap-servers", broker.bootstrapServers());
      assertThat(unknown.exitCode()).isEqualTo(2);
      assertThat(unknown.err()).contains("no projection 'no-such-thing'").contains(ADDED);
    }
  }

  /** The committed end of every projection topic of {@code engine}, summed over its partitions. */
  private static Map<String, Long> ends(Admin admin, TopicNames topics, ProjectionEngine engine) throws Exception {
    List<String> names = engine.projections().stream().map(p -> topics.projection(p.name())).toList();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin.describeTopics(names).allTopicNames().get().forEach((t, d) -> d.partitions()
        .forEach(p -> request.put(new TopicPartition(t, p.partition()), OffsetSpec.latest())));
    Map<String, Long> ends = new java.util.TreeMap<>();
    admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().forEach(
        (tp, info) -> ends.merge(tp.topic(), info.offset(), Long::sum));
    return ends;
  }

  /**
   * Clock records that name only {@code projection} as changed: a rebuilt replay's clock is written once more, so
   * that dashboards compose the new value.
   */
  private static long clockRecordsNaming(EmbeddedKafkaBroker broker, TopicNames topics, String projection) {
    return EndToEndIT.readAllFrom(broker.bootstrapServers(), topics.clock()).stream()
        .filter(r -> r.headers().lastHeader(StationTopics.HEADER_CHANGED) != null && projection.equals(
            new String(r.headers().lastHeader(StationTopics.HEADER_CHANGED).value(), StandardCharsets.UTF_8)))
        .count();
  }
}
