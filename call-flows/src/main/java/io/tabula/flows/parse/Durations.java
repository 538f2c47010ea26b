package io.tabula.flows.parse;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as flow files write them: {@code 500ms}, {@code 5s}, {@code 10m}. */
public final class Durations {

  private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,5})(ms|s|m)");

  private Durations() {}

  public static Optional<Duration> parse(String text) {
    Matcher matcher = FORMAT.matcher(text.trim());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(matcher.group(1));
    return Optional.of(
        switch (matcher.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          default -> Duration.ofMinutes(amount);
        });
  }

  /** The shortest spelling, e.g. {@code 5s}. */
  public static String format(Duration duration) {
    if (duration.toMillis() % 60_000 == 0) {
      return duration.toMinutes() + "m";
    }
    if (duration.toMillis() % 1000 == 0) {
      return duration.toSeconds() + "s";
    }
    return duration.toMillis() + "ms";
  }
}
