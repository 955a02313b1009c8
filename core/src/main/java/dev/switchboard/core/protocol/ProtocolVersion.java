package dev.switchboard.core.protocol;

import java.util.List;

/** The MCP protocol revisions the gateway speaks, newest first, and version negotiation. */
public final class ProtocolVersion {
  public static final String V2025_11_25 = "2025-11-25";
  public static final String V2025_06_18 = "2025-06-18";
  public static final String V2025_03_26 = "2025-03-26";
  public static final String LATEST = V2025_11_25;
  /** What a request without an {@code MCP-Protocol-Version} header is taken to speak. */
  public static final String ASSUMED_WHEN_ABSENT = V2025_03_26;
  public static final List<String> SUPPORTED = List.of(V2025_11_25, V2025_06_18, V2025_03_26);

  private ProtocolVersion() {
  }

  public static boolean isSupported(String version) {
    return version != null && SUPPORTED.contains(version);
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
