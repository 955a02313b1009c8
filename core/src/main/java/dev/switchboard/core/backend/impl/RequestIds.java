package dev.switchboard.core.backend.impl;

import dev.switchboard.core.json.JsonNumbers;
import dev.switchboard.core.protocol.RequestIdKey;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON-RPC request ids towards one backend. Generated ids are strings {@code sb-<8 random base36 chars>-<counter>}:
 * the random part is drawn once per client, so they do not collide with the ids of the gateway's clients, which the
 * gateway forwards unchanged, nor with another gateway instance's. Ids supplied by callers must be a string or an
 * integer (in any notation); integers match whatever integral type or notation the backend's JSON decodes to.
 */
final class RequestIds {
  /** The start of every generated id. */
  static final String PREFIX = "sb-";
  private static final int RANDOM_CHARS = 8;
  private static final long RANDOM_BOUND = pow(36, RANDOM_CHARS);

  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  RequestIds() {
    String random = Long.toString(ThreadLocalRandom.current().nextLong(RANDOM_BOUND), 36);
    this.prefix = PREFIX + "0".repeat(RANDOM_CHARS - random.length()) + random + "-";
  }

  /** A fresh id, unique for this client. */
  String next() {
    return prefix + counter.incrementAndGet();
  }

  /**
   * Checks a caller's id.
   *
   * @throws IllegalArgumentException when the id is null or neither a string nor an integer
   */
  static Object checked(Object id) {
    if (id instanceof String || isInteger(id)) {
      return id;
    }
    throw new IllegalArgumentException("a JSON-RPC request id must be a string or an integer, not "
      + (id == null ? "null" : id.getClass().getSimpleName()));
  }

  /** True when {@code actual} (as decoded from the backend's JSON) is the id {@code expected}. */
  static boolean matches(Object expected, Object actual) {
    if (expected instanceof String) {
      return expected.equals(actual);
    }
    return isInteger(actual) && RequestIdKey.of(expected).equals(RequestIdKey.of(actual));
  }

  /** An integer in any notation ({@code 7}, {@code 1E+2}, {@code 1e999999}); not {@code 1.5}. */
  private static boolean isInteger(Object id) {
    return id instanceof Number number && !(id instanceof Double) && !(id instanceof Float)
      && JsonNumbers.isIntegral(number);
  }

  private static long pow(long base, int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= base;
    }
    return result;
  }
}
