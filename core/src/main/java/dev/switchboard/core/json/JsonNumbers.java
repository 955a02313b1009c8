package dev.switchboard.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Questions about JSON numbers as decoded here. */
public final class JsonNumbers {
  private JsonNumbers() {
  }

  /**
   * Whether a number has no fractional part, whatever its notation ({@code 100}, {@code 1E+2}, {@code 1.0} and
   * {@code 1e999999} do; {@code 1.5} does not). This is JSON Schema's {@code integer}, which MCP requires of ids.
   */
  public static boolean isIntegral(Number number) {
    if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
        || number instanceof BigInteger) {
      return true;
    }
    if (number instanceof BigDecimal decimal) {
      return decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0;
    }
    double value = number.doubleValue();
    return Double.isFinite(value) && value == Math.rint(value);
  }

  /**
   * One text for one value whatever the notation or Java type ({@code 100}, {@code 1E+2} and {@code 100.0} give the
   * same), cheap even for {@code 1e999999}. For numbers decoded from JSON (not NaN or infinite doubles).
   */
  public static String canonical(Number number) {
    BigDecimal decimal = switch (number) {
      case BigDecimal d -> d;
      case BigInteger i -> new BigDecimal(i);
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case Short s -> BigDecimal.valueOf(s);
      case Byte b -> BigDecimal.valueOf(b);
      default -> new BigDecimal(number.toString());
    };
    return decimal.stripTrailingZeros().toString();
  }
}
