package org.stationreplay.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationreplay.events.Agency;
import org.stationreplay.events.BerthingMode;
import org.stationreplay.events.ElementKind;
import org.stationreplay.events.Role;
import org.stationreplay.events.VehicleType;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.json.SchemaValidator;

class StationStateTest {
  static StationState sample() {
    Instant t = Instant.parse("2000-11-02T09:21:00Z");
    return new StationState(t, 99, 99, 1,
        List.of(new PersonAboard("William Shepherd", Agency.NASA, Role.EXPEDITION, "Soyuz TM-31", t),
            new PersonAboard("Visitor", Agency.ESA, Role.VISITOR, "Soyuz TM-31", t)),
        List.of(new AttachedElement("Zarya", ElementKind.MODULE, Agency.ROSCOSMOS, null, t)), 99,
        List.of(new AttachedElement("Z1", ElementKind.TRUSS, Agency.NASA, "Unity zenith", t)),
        LocalDate.of(2000, 11, 2), 99,
        List.of(new DockedVehicle("Soyuz TM-31", VehicleType.SOYUZ, BerthingMode.DOCKED, null, null, t)),
        3, new Milestone("m", t, "Title", "Caption"), new LastEvent("e", "CrewArrived", t, "They arrived"), "e", t,
        7, "replay-start-1");
  }

  @Test
  void shouldDeriveCountsFromTheListsTheyCount() {
    StationState s = sample();
    assertThat(s.peopleAboard()).isEqualTo(2);
    assertThat(s.expeditionCrew()).isEqualTo(1);
    assertThat(s.moduleCount()).isEqualTo(1);
    assertThat(s.continuousOccupancyDays()).isZero();
  }

  @Test
  void shouldCountWholeUtcDaysOfOccupancyAsNasaDoes() {
    // NASA: 5,478 days of continuous presence on 2 Nov 2015.
    StationState s = sample().advancedTo(Instant.parse("2015-11-02T23:59:59.999Z"));
    assertThat(s.continuousOccupancyDays()).isEqualTo(5478);
    assertThat(sample().advancedTo(Instant.parse("2000-11-03T00:00:00Z")).continuousOccupancyDays()).isEqualTo(1);
  }

  @Test
  void shouldNeverMoveBackInTime() {
    StationState s = sample();
    assertThat(s.advancedTo(Instant.parse("1999-01-01T00:00:00Z"))).isSameAs(s);
  }

  @Test
  void shouldRoundTripAndValidateAgainstTheStateSchema() {
    StationState s = sample();
    String json = Json.write(s);
    assertThat(SchemaValidator.get().validateState(json)).isEmpty();
    assertThat(JsonSerde.of(StationState.class).deserialize("t", json.getBytes())).isEqualTo(s);
    assertThat(json).contains("\"expedition\":1").contains("\"occupiedSince\":\"2000-11-02\"");
  }

  @Test
  void shouldWriteExplicitNullsForAFreshStation() {
    StationState s = StationState.EMPTY.advancedTo(Instant.parse("1998-01-01T00:00:00Z"));
    String json = Json.write(s);
    assertThat(json).contains("\"expedition\":null");
    assertThat(SchemaValidator.get().validateState(json)).isEmpty();
  }
}
