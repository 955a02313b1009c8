package dev.switchboard.core.protocol;

import java.util.List;

/**
 * The MCP protocol revisions the gateway speaks, newest first, and version negotiation. Two eras: the session era
 * ({@link #SUPPORTED}: {@code initialize}, {@code Mcp-Session-Id}) and the stateless era ({@link #MODERN}, from
 * 2026-07-28: every request carries its version, capabilities and client info in {@code _meta}).
 */
public final class ProtocolVersion {
  /** The stateless revision: no {@code initialize}, no session; {@code server/discover}. */
  public static final String V2026_07_28 = "2026-07-28";
  public static final String V2025_11_25 = "2025-11-25";
  public static final String V2025_06_18 = "2025-06-18";
  public static final String V2025_03_26 = "2025-03-26";
  public static final String LATEST = V2025_11_25;
  /** What a request without an {@code MCP-Protocol-Version} header is taken to speak. */
  public static final String ASSUMED_WHEN_ABSENT = V2025_03_26;
  /** The session-era revisions, negotiated by {@code initialize}. */
  public static final List<String> SUPPORTED = List.of(V2025_11_25, V2025_06_18, V2025_03_26);
  /** The stateless revisions, named per request; {@code server/discover} lists them as {@code supportedVersions}. */
  public static final List<String> MODERN = List.of(V2026_07_28);

  private ProtocolVersion() {
  }

  public static boolean isSupported(String version) {
    return version != null && SUPPORTED.contains(version);
  }

  /** True for a stateless-era revision the gateway serves. */
  public static boolean isModern(String version) {
    return version != null && MODERN.contains(version);
  }

  /**
   * True when a version names the stateless era or later: a known modern revision, or a date at or after the first
   * one (an unknown future revision is not a session-era version).
   */
  public static boolean isModernEra(String version) {
    return version != null && version.length() == V2026_07_28.length() && version.compareTo(V2026_07_28) >= 0
      && version.matches("\\d{4}-\\d{2}-\\d{2}");
  }

  /** The version to answer {@code initialize} with: the requested one if supported, else the latest. */
  public static String negotiate(String requested) {
    return isSupported(requested) ? requested : LATEST;
  }

  /** True when JSON-RPC batches (arrays) are allowed: only revision 2025-03-26 had them. */
  public static boolean allowsBatches(String version) {
    return V2025_03_26.equals(version);
  }
}
