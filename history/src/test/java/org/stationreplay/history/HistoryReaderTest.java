package org.stationreplay.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {
  @TempDir Path dir;

  private static final String SRC = "\"schemaVersion\":1,\"source\":{\"title\":\"t\",\"url\":\"https://example.org\"}";

  static String soyuzArrived(String id, String time) {
    return "{\"id\":\"" + id + "\",\"type\":\"VehicleArrived\",\"time\":\"" + time + "\"," + SRC
        + ",\"vehicle\":\"Soyuz TM-31\",\"vehicleType\":\"SOYUZ\",\"mode\":\"DOCKED\"}";
  }

  static String crewArrived(String id, String time, String name, String agency) {
    return "{\"id\":\"" + id + "\",\"type\":\"CrewArrived\",\"time\":\"" + time + "\"," + SRC
        + ",\"vehicle\":\"Soyuz TM-31\",\"crew\":[{\"name\":\"" + name + "\",\"agency\":\"" + agency
        + "\",\"role\":\"expedition\"}]}";
  }

  static String crewDeparted(String id, String time, String name) {
    return "{\"id\":\"" + id + "\",\"type\":\"CrewDeparted\",\"time\":\"" + time + "\"," + SRC
        + ",\"vehicle\":\"Soyuz TM-31\",\"crew\":[\"" + name + "\"]}";
  }

  private static final String DOCKED = soyuzArrived("a-docked", "2000-11-02T09:21:00Z");
  private static final String SHEPHERD = crewArrived("a-crew", "2000-11-02T09:21:00Z", "William Shepherd", "NASA");

  private Path file(String... lines) throws IOException {
    Path f = dir.resolve("my-history.jsonl");
    Files.write(f, List.of(lines));
    return f;
  }

  private List<String> problems(String... lines) throws IOException {
    return HistoryReader.check(file(lines)).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void shouldAcceptAConsistentFile() throws IOException {
    HistoryReader.Report report = HistoryReader.check(file(DOCKED, SHEPHERD, "",
        crewDeparted("a-left", "2001-03-18T04:32:00Z", "William Shepherd")));
    assertThat(report.problems()).isEmpty();
    assertThat(report.history().lines()).extracting(HistoryLine::line).containsExactly(1, 2, 4);
    assertThat(report.finalState().peopleAboard()).isZero();
  }

  @Test
  void shouldRejectUnsortedTimesWithFileAndLine() throws IOException {
    assertThat(problems(DOCKED, SHEPHERD, soyuzArrived("early", "1999-01-01T00:00:00Z")))
        .containsExactly(dir.resolve("my-history.jsonl") + ":3: events are not sorted by time: "
            + "1999-01-01T00:00:00Z is earlier than 2000-11-02T09:21:00Z on line 2");
  }

  @Test
  void shouldRejectDuplicateIds() throws IOException {
    assertThat(problems(DOCKED, crewArrived("a-docked", "2000-11-02T09:21:00Z", "William Shepherd", "NASA")))
        .singleElement().asString().endsWith("my-history.jsonl:2: duplicate id 'a-docked' (first used on line 1)");
  }

  @Test
  void shouldRejectADepartureOfSomeoneNotAboard() throws IOException {
    assertThat(problems(DOCKED, SHEPHERD, crewDeparted("gone", "2001-01-01T00:00:00Z", "Yuri Gagarin")))
        .singleElement().asString()
        .endsWith(":3: CrewDeparted 'gone' rejected: Yuri Gagarin is not aboard");
  }

  @Test
  void shouldRejectAnArrivalOfSomeoneAlreadyAboard() throws IOException {
    assertThat(problems(DOCKED, SHEPHERD, crewArrived("again", "2001-01-01T00:00:00Z", "William Shepherd", "NASA")))
        .singleElement().asString()
        .contains(":3: CrewArrived 'again' rejected: William Shepherd is already aboard");
  }

  @Test
  void shouldRejectADetachOfSomethingNotAttached() throws IOException {
    String detach = "{\"id\":\"d\",\"type\":\"ElementDetached\",\"time\":\"2021-07-26T10:55:33Z\"," + SRC
        + ",\"element\":\"Pirs\"}";
    assertThat(problems(detach)).singleElement().asString()
        .endsWith(":1: ElementDetached 'd' rejected: element 'Pirs' is not attached");
  }

  @Test
  void shouldRejectAnUnknownType() throws IOException {
    String unknown = "{\"id\":\"u\",\"type\":\"StationExploded\",\"time\":\"2000-01-01T00:00:00Z\"," + SRC + "}";
    assertThat(problems(unknown)).singleElement().asString()
        .endsWith(":1: event 'u' does not match its schema: unknown event type 'StationExploded'");
  }

  @Test
  void shouldRejectAnUnknownAgency() throws IOException {
    assertThat(problems(DOCKED, crewArrived("m", "2000-11-02T09:21:00Z", "Marvin", "MARS")))
        .singleElement().asString()
        .contains(":2: event 'm' does not match its schema: ").contains("unknown agency 'MARS'");
  }

  @Test
  void shouldRejectAMissingSource() throws IOException {
    String noSource = "{\"id\":\"n\",\"type\":\"VehicleDeparted\",\"time\":\"2000-01-01T00:00:00Z\","
        + "\"schemaVersion\":1,\"vehicle\":\"Soyuz TM-31\"}";
    assertThat(problems(noSource)).singleElement().asString()
        .contains(":1: event 'n' does not match its schema: ").contains("source");
  }

  @Test
  void shouldRejectASchemaViolation() throws IOException {
    String badMode = soyuzArrived("b", "2000-11-02T09:21:00Z").replace("DOCKED", "GLUED");
    String noTimeZone = soyuzArrived("c", "2000-11-02T09:21:00");
    List<String> found = problems(badMode, noTimeZone);
    assertThat(found).hasSize(2);
    assertThat(found.get(0)).contains(":1: event 'b' does not match its schema").contains("unknown mode 'GLUED'");
    assertThat(found.get(1)).contains(":2: event 'c' does not match its schema").contains("time");
  }

  @Test
  void shouldRejectMalformedJsonAndKeepCheckingTheRest() throws IOException {
    List<String> found = problems("{\"id\": oops", DOCKED, SHEPHERD,
        crewDeparted("gone", "2001-01-01T00:00:00Z", "Nobody"));
    assertThat(found).hasSize(2);
    assertThat(found.get(0)).contains(":1: malformed JSON");
    assertThat(found.get(1)).contains(":4: CrewDeparted 'gone' rejected: Nobody is not aboard");
  }

  @Test
  void shouldRefuseToLoadAnInvalidFileAndListEveryProblem() throws IOException {
    Path f = file("{\"id\": oops", DOCKED, DOCKED.replace("a-docked", "b-docked"));
    assertThatThrownBy(() -> HistoryReader.read(f))
        .isInstanceOf(InvalidHistoryException.class)
        .hasMessageContaining("2 problem(s)")
        .hasMessageContaining(f + ":1: malformed JSON")
        .hasMessageContaining(f + ":3: VehicleArrived 'b-docked' rejected: vehicle 'Soyuz TM-31' is already docked");
  }

  @Test
  void shouldNameAMissingFile() {
    assertThatThrownBy(() -> HistoryReader.read(dir.resolve("nope.jsonl")))
        .hasMessageContaining("history file not found: " + dir.resolve("nope.jsonl"));
  }
}
