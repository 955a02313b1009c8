package dev.switchboard.transport.streamable;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DNS-rebinding protection: checks the {@code Host} and {@code Origin} headers of every request.
 * <ul>
 *   <li>{@code Host} (with or without a port; IPv6 in brackets) must be a loopback name ({@code localhost},
 *   {@code 127.0.0.1}, {@code [::1]}) or one of the allowed hosts (case-insensitive; {@code *} allows any). A request
 *   without {@code Host} is rejected, except over HTTP/2 where the {@code :authority} pseudo-header is used.</li>
 *   <li>{@code Origin}, when present, must be {@code http(s)://} plus an allowed host (and optional port), or be listed
 *   exactly among the allowed origins ({@code *} allows any). {@code Origin: null} is always rejected.</li>
 * </ul>
 */
public final class HostGuard {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final Set<String> allowedHosts;
  private final boolean anyHost;
  private final Set<String> allowedOrigins;
  private final boolean anyOrigin;

  public HostGuard(List<String> allowedHosts, List<String> allowedOrigins) {
    this.allowedHosts = normalize(allowedHosts);
    this.allowedOrigins = normalize(allowedOrigins).stream().map(HostGuard::stripSlash).collect(Collectors.toSet());
    this.anyHost = this.allowedHosts.contains("*");
    this.anyOrigin = this.allowedOrigins.contains("*");
  }

  /** A guard that accepts loopback hosts and origins only. */
  public static HostGuard loopbackOnly() {
    return new HostGuard(List.of(), List.of());
  }

  public boolean allows(HttpServerRequest req) {
    String host = req.getHeader(HttpHeaders.HOST);
    if (host == null && req.version() == HttpVersion.HTTP_2) {
      host = authorityString(req.authority());
    }
    if (host == null || !allowsHost(host)) {
      return false;
    }
    String target = absoluteTargetAuthority(req.uri());
    if (target != null && !allowsHost(target)) {
      return false;
    }
    String origin = req.getHeader(HttpHeaders.ORIGIN);
    return origin == null || allowsOrigin(origin);
  }

  /**
   * The authority of an absolute-form request target ({@code POST http://host:port/mcp HTTP/1.1}), which names the
   * host instead of the {@code Host} header (RFC 9112 section 3.2.2); null for the usual origin-form target.
   */
  static String absoluteTargetAuthority(String uri) {
    if (uri == null) {
      return null;
    }
    String lower = uri.toLowerCase(Locale.ROOT);
    int start = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
    if (start < 0) {
      return null;
    }
    int end = start;
    while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
      end++;
    }
    String authority = uri.substring(start, end);
    int at = authority.lastIndexOf('@');
    return at >= 0 ? authority.substring(at + 1) : authority;
  }

  /** Checks a {@code Host} header value (an authority: host and optional port). */
  public boolean allowsHost(String authority) {
    String name = hostName(authority);
    if (name == null) {
      return false;
    }
    return anyHost || LOOPBACK.contains(name) || allowedHosts.contains(name)
      || allowedHosts.contains(authority.trim().toLowerCase(Locale.ROOT));
  }

  /** Checks an {@code Origin} header value. */
  public boolean allowsOrigin(String origin) {
    String value = origin.trim().toLowerCase(Locale.ROOT);
    if (value.isEmpty() || value.equals("null")) {
      return false;
    }
    if (anyOrigin || allowedOrigins.contains(stripSlash(value))) {
      return true;
    }
    String authority;
    if (value.startsWith("http://")) {
      authority = value.substring(7);
    } else if (value.startsWith("https://")) {
      authority = value.substring(8);
    } else {
      return false;
    }
    return authority.indexOf('/') < 0 && allowsHost(authority);
  }

  /** The lower-case host name of an authority (IPv6 kept in brackets), or null when it is malformed. */
  static String hostName(String authority) {
    String a = authority.trim();
    String host;
    String rest;
    if (a.startsWith("[")) {
      int end = a.indexOf(']');
      if (end < 0) {
        return null;
      }
      host = a.substring(0, end + 1);
      rest = a.substring(end + 1);
    } else {
      int colon = a.indexOf(':');
      host = colon < 0 ? a : a.substring(0, colon);
      rest = colon < 0 ? "" : a.substring(colon);
    }
    if (host.isEmpty() || !rest.isEmpty() && !isPort(rest) || !isHostChars(host)) {
      return null;
    }
    return host.toLowerCase(Locale.ROOT);
  }

  private static boolean isPort(String colonAndDigits) {
    int n = colonAndDigits.length();
    if (n < 2 || n > 6 || colonAndDigits.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < n; i++) {
      if (!Character.isDigit(colonAndDigits.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHostChars(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || c == '.' || c == '-' || c == '_' || c == '[' || c == ']' || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static String authorityString(HostAndPort authority) {
    if (authority == null || authority.host() == null) {
      return null;
    }
    String host = authority.host();
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return authority.port() >= 0 ? host + ":" + authority.port() : host;
  }

  private static Set<String> normalize(List<String> values) {
    if (values == null) {
      return Set.of();
    }
    return values.stream().map(v -> v.trim().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty())
      .collect(Collectors.toUnmodifiableSet());
  }

  private static String stripSlash(String origin) {
    return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
  }
}
