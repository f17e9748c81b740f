package org.stationreplay.projections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.json.Json;
import org.stationreplay.json.JsonSerde;
import org.stationreplay.json.SchemaValidator;
import org.stationreplay.projection.Projection;

/**
 * What every registered projection must do, checked for each without a line of its own: a schema on the classpath
 * that every value it makes validates against, and a serde that gives the same value back. (Over the whole bundled
 * history, in the history module: {@code ProjectionGoldenTest}.)
 */
class ProjectionContractTest {
  static Stream<Projection<?>> projections() {
    return Projections.ALL.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projections")
  void shouldMakeOnlyValuesItsSchemaAcceptsAndReadThemBack(Projection<?> projection) {
    assertThat(Projection.NAME.matcher(projection.name()).matches()).isTrue();
    assertThat(projection.description()).isNotBlank();
    for (Object value : values(projection, StationStateFoldTest.EARLY_HISTORY)) {
      JsonNode json = Json.mapper().valueToTree(value);
      assertThat(SchemaValidator.get().validateAgainst(projection.schemaResource().substring("schemas/".length()),
          json)).as("%s: %s", projection.name(), json).isEmpty();
      assertThat(roundTrip(projection, value)).isEqualTo(value);
    }
  }

  @SuppressWarnings("unchecked")
  private static <S> List<Object> values(Projection<S> p, List<? extends org.stationreplay.events.StationEvent> log) {
    List<Object> values = new ArrayList<>();
    S value = p.initial();
    values.add(value);
    for (var e : log) {
      value = p.apply(value, (HistoryEvent) e);
      values.add(value);
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private static <S> S roundTrip(Projection<S> p, Object value) {
    JsonSerde<S> serde = JsonSerde.of(p.valueType());
    return serde.deserialize("t", serde.serialize("t", (S) value));
  }
}
