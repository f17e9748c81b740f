package org.stationreplay.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControlAuthTest {
  @Test
  void shouldLetAnyoneOnLoopbackSteerWithoutAToken() {
    for (String host : new String[] {"127.0.0.1", "localhost", "::1"}) {
      assertThat(ControlAuth.forHost(host, null).allows(null)).as(host).isTrue();
    }
  }

  @Test
  void shouldRefuseToListenBeyondLoopbackWithoutAToken() {
    for (String host : new String[] {"0.0.0.0", "10.1.2.3", "::"}) {
      assertThatThrownBy(() -> ControlAuth.forHost(host, " ")).as(host)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STATION_CONTROL_TOKEN");
    }
  }

  @Test
  void shouldAcceptOnlyTheBearerToken() {
    ControlAuth auth = ControlAuth.forHost("0.0.0.0", "s3cret");
    assertThat(auth.allows("Bearer s3cret")).isTrue();
    assertThat(auth.allows("Bearer s3cre")).isFalse();
    assertThat(auth.allows("Bearer s3cret2")).isFalse();
    assertThat(auth.allows("s3cret")).isFalse();
    assertThat(auth.allows("Basic s3cret")).isFalse();
    assertThat(auth.allows(null)).isFalse();
  }

  @Test
  void shouldAskForTheTokenOnLoopbackTooWhenOneIsSet() {
    assertThat(ControlAuth.forHost("127.0.0.1", "s3cret").allows(null)).isFalse();
  }
}
