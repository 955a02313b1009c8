package dev.switchboard.transport.streamable;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * MCP session ids: 192 random bits from a {@link SecureRandom}, base64url without padding (32 characters), so only
 * visible ASCII as the specification requires.
 */
public final class SessionIds {
  /** Longest id accepted from a client. */
  public static final int MAX_LENGTH = 128;
  private static final int RANDOM_BYTES = 24;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SessionIds() {
  }

  public static String generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  /** True for a non-empty id of at most {@value #MAX_LENGTH} characters, each in 0x21-0x7E. */
  public static boolean isWellFormed(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }
}
