package dev.switchboard.launcher.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses configuration durations: a whole number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h},
 * {@code 1d}), an ISO-8601 duration ({@code PT30S}), or a bare whole number of seconds ({@code 30}).
 */
final class Durations {
  static final String FORMATS = "e.g. 500ms, 30s, 5m, 2h, 1d, PT30S, or a number of seconds";

  private static final Pattern WITH_UNIT = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h|d)");
  private static final Pattern SECONDS = Pattern.compile("-?\\d+");

  private Durations() {
  }

  /**
   * @return the duration (may be zero or negative: the caller checks the range)
   * @throws IllegalArgumentException if the text is in none of the formats or overflows
   */
  static Duration parse(String text) {
    String trimmed = text.strip();
    try {
      if (SECONDS.matcher(trimmed).matches()) {
        return Duration.ofSeconds(Long.parseLong(trimmed));
      }
      Matcher m = WITH_UNIT.matcher(trimmed);
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      if (trimmed.toUpperCase(Locale.ROOT).startsWith("P") || trimmed.toUpperCase(Locale.ROOT).startsWith("-P")) {
        return Duration.parse(trimmed);
      }
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw new IllegalArgumentException(text, e);
    }
    throw new IllegalArgumentException(text);
  }
}
