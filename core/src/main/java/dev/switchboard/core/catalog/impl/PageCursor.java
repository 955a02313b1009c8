package dev.switchboard.core.catalog.impl;

import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.protocol.McpException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque list cursors: base64url (unpadded) of {@code v1:<kind>:<fingerprint prefix>:<offset>}. A cursor is only
 * valid for the list kind and the view content (fingerprint) that issued it, so a cursor from before a catalog
 * change is rejected instead of silently skipping or repeating items.
 */
final class PageCursor {
  private static final String VERSION = "v1";
  private static final int FINGERPRINT_PREFIX = 16;
  /** Longer cursors are rejected before decoding; issued cursors are far shorter. */
  private static final int MAX_LENGTH = 128;

  private PageCursor() {
  }

  static String encode(CatalogKind kind, String fingerprint, int offset) {
    String plain = VERSION + ':' + kind.resultField() + ':' + prefix(fingerprint) + ':' + offset;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The offset a cursor points at.
   *
   * @param size the number of items of the kind; a valid offset is in {@code [1, size)}
   * @throws McpException -32602 {@code Invalid cursor} for anything this view did not issue
   */
  static int decode(String cursor, CatalogKind kind, String fingerprint, int size) {
    if (cursor.length() > MAX_LENGTH) {
      throw invalid();
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    String[] parts = plain.split(":", -1);
    if (parts.length != 4 || !VERSION.equals(parts[0]) || !kind.resultField().equals(parts[1])
      || !prefix(fingerprint).equals(parts[2])) {
      throw invalid();
    }
    int offset;
    try {
      offset = Integer.parseInt(parts[3]);
    } catch (NumberFormatException e) {
      throw invalid();
    }
    if (offset <= 0 || offset >= size) {
      throw invalid();
    }
    return offset;
  }

  private static String prefix(String fingerprint) {
    return fingerprint.substring(0, Math.min(FINGERPRINT_PREFIX, fingerprint.length()));
  }

  private static McpException invalid() {
    return McpException.invalidParams("Invalid cursor");
  }
}
