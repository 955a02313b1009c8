package dev.switchboard.core.protocol;

import dev.switchboard.core.json.JsonNumbers;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The key of a JSON-RPC request id in maps of running requests, cancellations and answers: equal for ids that are
 * the same JSON value, whatever their Java type or notation ({@code 100}, {@code 1E+2} and {@code 100.0} are one id),
 * and never equal between a string and a number ({@code 1} and {@code "1"} are two ids).
 */
public final class RequestIdKey {
  private RequestIdKey() {
  }

  /**
   * {@code s:<text>} for a string; {@code n:<value>} for a number, an integer that fits a {@code long} in decimal
   * digits and any other number in its canonical text (cheap even for {@code 1e999999}); {@code x:<text>} for
   * anything else (a peer's {@code null} or malformed id), which matches no string or number.
   *
   * @param id a JSON-RPC request id as it decodes
   */
  public static String of(Object id) {
    if (id instanceof String text) {
      return "s:" + text;
    }
    if (id instanceof Integer || id instanceof Long || id instanceof Short || id instanceof Byte) {
      return "n:" + ((Number) id).longValue();
    }
    if (id instanceof Number number) {
      Long exact = asLong(number);
      return exact != null ? "n:" + exact : "n:" + JsonNumbers.canonical(number);
    }
    return "x:" + id;
  }

  /** The number as a {@code long} when it is an integer in that range; else null (never expands a huge exponent). */
  private static Long asLong(Number number) {
    if (number instanceof BigInteger integer) {
      return integer.bitLength() < Long.SIZE ? integer.longValue() : null;
    }
    if (number instanceof BigDecimal decimal) {
      // a value beyond 10^19 cannot fit; checking the precision first keeps 1e999999 from being expanded
      BigDecimal stripped = decimal.stripTrailingZeros();
      if (stripped.signum() == 0) {
        return 0L;
      }
      if (stripped.scale() > 0 || stripped.precision() - stripped.scale() > 19) {
        return null;
      }
      try {
        return stripped.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    double value = number.doubleValue();
    if (Double.isFinite(value) && value == Math.rint(value) && value >= -0x1p63 && value < 0x1p63) {
      return (long) value;
    }
    return null;
  }
}
