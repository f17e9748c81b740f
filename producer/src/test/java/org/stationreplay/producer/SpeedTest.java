package org.stationreplay.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SpeedTest {
  @Test
  void shouldParseFactorsAndMax() {
    assertThat(Speed.parse("86400").factor()).isEqualTo(86_400);
    assertThat(Speed.parse("1e5").factor()).isEqualTo(100_000);
    assertThat(Speed.parse("2.5").toString()).isEqualTo("2.5");
    assertThat(Speed.parse("MAX").isMax()).isTrue();
    assertThat(Speed.parse("604800").toString()).isEqualTo("604800");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "NaN", "Infinity", "", "1e400", "0x10"})
  void shouldRejectAnythingButANumberOrMax(String text) {
    assertThatThrownBy(() -> Speed.parse(text)).hasMessageContaining("speed must be a number")
        .hasMessageContaining("or \"max\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "0.5", "1e308", "1000000001"})
  void shouldRejectASpeedOutOfRangeInOneSentence(String text) {
    assertThatThrownBy(() -> Speed.parse(text)).hasMessageStartingWith("speed must be from 1 (real time) to 1e9");
  }
}
