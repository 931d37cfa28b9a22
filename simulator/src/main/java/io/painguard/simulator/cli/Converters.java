package io.painguard.simulator.cli;

import io.painguard.text.Durations;
import io.painguard.simulator.scenario.StartTime;
import io.painguard.simulator.scenario.TimeMode;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the simulator's value types; messages say what is accepted. */
final class Converters {

  private Converters() {}

  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parseOrSeconds(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class StartConverter implements ITypeConverter<StartTime> {
    @Override
    public StartTime convert(String value) {
      try {
        return StartTime.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  static final class TimeModeConverter implements ITypeConverter<TimeMode> {
    @Override
    public TimeMode convert(String value) {
      try {
        return TimeMode.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A rate: events per second, or {@code max} for as fast as possible (0). */
  static final class RateConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      if (value.equalsIgnoreCase("max")) {
        return 0.0;
      }
      try {
        double rate = Double.parseDouble(value.replace("_", "").replace(",", ""));
        if (!(rate >= 0) || Double.isInfinite(rate)) {
          throw new TypeConversionException("rate must be a number of events per second or 'max', was '" + value + "'");
        }
        return rate;
      } catch (NumberFormatException e) {
        throw new TypeConversionException("rate must be a number of events per second or 'max', was '" + value + "'");
      }
    }
  }
}
