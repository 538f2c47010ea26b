package io.tabula.engine.cli;

import io.tabula.engine.config.DurationUnits;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations on the command line, written like the configuration's ({@code 500ms}, {@code 3s},
 * {@code 2m}, {@code 1h}); ISO-8601 ({@code PT3S}) still parses. {@link TabulaCommand} registers it
 * for every {@code Duration} option.
 */
final class CommandLineDuration implements ITypeConverter<Duration> {

  private static final Pattern FORMAT = Pattern.compile("([0-9]{1,9})" + DurationUnits.PATTERN);

  @Override
  public Duration convert(String text) {
    Matcher matcher = FORMAT.matcher(text.strip());
    if (matcher.matches()) {
      return DurationUnits.of(Long.parseLong(matcher.group(1)), matcher.group(2));
    }
    if (text.strip().startsWith("PT")) {
      try {
        Duration iso = Duration.parse(text.strip());
        if (!iso.isNegative()) {
          return iso;
        }
      } catch (DateTimeParseException e) {
        // reported below, in the configuration's spelling
      }
    }
    throw new TypeConversionException(
        "'" + text + "' is not a duration; write it like 500ms, 3s, 2m or 1h");
  }
}
