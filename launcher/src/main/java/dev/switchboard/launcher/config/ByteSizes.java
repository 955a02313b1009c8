package dev.switchboard.launcher.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses configuration sizes: a whole number of bytes ({@code 1000}) or a whole number with a unit, decimal
 * ({@code B}, {@code KB}, {@code MB}, {@code GB}: powers of 1000) or binary ({@code KiB}, {@code MiB}, {@code GiB}:
 * powers of 1024). Units are case-insensitive.
 */
final class ByteSizes {
  static final String FORMATS = "e.g. 4MiB, 512KiB, 1MB, or a number of bytes";

  private static final Pattern SIZE = Pattern.compile("(-?\\d+)\\s*([A-Za-z]*)");
  private static final Map<String, Long> UNITS = Map.of(
    "", 1L, "b", 1L,
    "kb", 1000L, "mb", 1000L * 1000, "gb", 1000L * 1000 * 1000,
    "kib", 1024L, "mib", 1024L * 1024, "gib", 1024L * 1024 * 1024);

  private ByteSizes() {
  }

  /**
   * @return the size in bytes (may be zero or negative: the caller checks the range)
   * @throws IllegalArgumentException if the text is not a size or overflows a {@code long}
   */
  static long parse(String text) {
    Matcher m = SIZE.matcher(text.strip());
    Long unit = m.matches() ? UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
    if (unit == null) {
      throw new IllegalArgumentException(text);
    }
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
