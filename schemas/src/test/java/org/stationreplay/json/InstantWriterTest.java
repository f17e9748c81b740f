package org.stationreplay.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantWriterTest {
  @Test
  void shouldWriteWhatIsoInstantWrites() {
    SplittableRandom random = new SplittableRandom(20001102L);
    long from = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
    for (int n = 0; n < 200_000; n++) {
      int nanos = switch (n % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant i = Instant.ofEpochSecond(random.nextLong(from, to), nanos);
      assertEquals(DateTimeFormatter.ISO_INSTANT.format(i), InstantWriter.format(i));
    }
  }

  @Test
  void shouldWriteTheEdgesOfTheFastPath() {
    for (String s : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1998-11-20T06:40:00Z",
        "2000-11-02T09:21:00.5Z", "1970-01-01T00:00:00.000001Z"}) {
      Instant i = Instant.parse(s);
      assertEquals(DateTimeFormatter.ISO_INSTANT.format(i), InstantWriter.format(i));
      assertEquals('"' + DateTimeFormatter.ISO_INSTANT.format(i) + '"', Json.write(i));
    }
  }
}
