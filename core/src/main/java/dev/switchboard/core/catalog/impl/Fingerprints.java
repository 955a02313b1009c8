package dev.switchboard.core.catalog.impl;

import dev.switchboard.core.catalog.CatalogKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content hash of a view: hex SHA-256 over a length-prefixed encoding of the backends, the page size, and per
 * kind every exposed item (its JSON as encoded) with its route. Equal content gives equal fingerprints whatever the
 * object identities; items are encoded with their fields in the order the backend sent them.
 */
final class Fingerprints {
  private static final String DOMAIN = "switchboard-capability-view-v1";

  private Fingerprints() {
  }

  static String of(Set<String> backends, Map<CatalogKind, List<ViewEntry>> entries, int pageSize) {
    MessageDigest digest = sha256();
    update(digest, DOMAIN);
    update(digest, Integer.toString(pageSize));
    update(digest, Integer.toString(backends.size()));
    for (String backend : backends) {
      update(digest, backend);
    }
    for (CatalogKind kind : CatalogKind.values()) {
      List<ViewEntry> list = entries.getOrDefault(kind, List.of());
      update(digest, kind.name());
      update(digest, Integer.toString(list.size()));
      for (ViewEntry entry : list) {
        update(digest, entry.route().backend());
        update(digest, entry.route().name());
        update(digest, entry.item().encode());
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    int length = bytes.length;
    digest.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
