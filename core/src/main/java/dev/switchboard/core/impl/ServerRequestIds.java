package dev.switchboard.core.impl;

import dev.switchboard.core.json.ExactNumber;
import java.math.BigDecimal;

/**
 * Ids of server-to-client requests as the client sees them. A backend's request id is only unique within its backend
 * session, so the gateway mints {@code sb/<backend>/<n|s>:<original>}: unique within the client session, and it
 * names the backend, so the client's answer can be forwarded from whichever instance receives it. Backend names
 * cannot contain {@code /}.
 */
final class ServerRequestIds {
  private static final String PREFIX = "sb/";

  private ServerRequestIds() {
  }

  static String mint(String backend, Object originalId) {
    String kind = originalId instanceof Number ? "n:" : "s:";
    return PREFIX + backend + "/" + kind + originalId;
  }

  /** The backend and original id of a minted id, or null when the id was not minted by the gateway. */
  static Minted parse(Object id) {
    if (!(id instanceof String s) || !s.startsWith(PREFIX)) {
      return null;
    }
    int slash = s.indexOf('/', PREFIX.length());
    if (slash < 0 || s.length() < slash + 3 || s.charAt(slash + 2) != ':') {
      return null;
    }
    String backend = s.substring(PREFIX.length(), slash);
    String value = s.substring(slash + 3);
    return switch (s.charAt(slash + 1)) {
      case 's' -> new Minted(backend, value);
      case 'n' -> number(backend, value);
      default -> null;
    };
  }

  private static Minted number(String backend, String value) {
    try {
      BigDecimal decimal = new BigDecimal(value);
      Object original = decimal.scale() <= 0 && decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
        ? (Object) decimal.longValueExact() : new ExactNumber(value);
      return new Minted(backend, original);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** A parsed minted id. */
  record Minted(String backend, Object originalId) {
  }
}
