package org.stationreplay.cli;

import java.time.Duration;
import java.time.Instant;
import org.stationreplay.producer.Speed;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters: a bad value becomes a one-line message and the usage, never a stack trace. */
final class Converters {
  private Converters() {}

  static final class SpeedConverter implements ITypeConverter<Speed> {
    @Override
    public Speed convert(String value) {
      try {
        return Speed.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class StartOfDay implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Dates.startOf(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class EndOfDay implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Dates.endOf(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Dates.duration(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
