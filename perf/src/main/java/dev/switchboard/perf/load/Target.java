package dev.switchboard.perf.load;

import java.net.URI;

/**
 * Where requests go: a streamable-HTTP MCP endpoint, and the prefix its tool names carry (a gateway that prefixes
 * names shows the stub's {@code tool_0} as {@code stub_tool_0}).
 *
 * @param name       a label for reports ({@code direct}, {@code gateway}, {@code nginx}, ...)
 * @param host       host or IP literal
 * @param port       TCP port
 * @param path       request URI
 * @param toolPrefix prefix this endpoint adds to the stub's tool names ({@code ""} for none)
 * @param authorization the {@code Authorization} header value sent with every request, or null
 */
public record Target(String name, String host, int port, String path, String toolPrefix, String authorization) {
  public Target(String name, String host, int port, String path, String toolPrefix) {
    this(name, host, port, path, toolPrefix, null);
  }

  /** This target with a bearer token on every request. */
  public Target withBearer(String token) {
    return new Target(name, host, port, path, toolPrefix, "Bearer " + token);
  }

  /** Parses {@code http://host:port/path}. */
  public static Target of(String name, String url, String toolPrefix) {
    URI uri = URI.create(url);
    if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(name + ": expected an http:// URL, got " + url);
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new Target(name, uri.getHost(), port, path, toolPrefix == null ? "" : toolPrefix);
  }

  public static Target of(String name, String url) {
    return of(name, url, "");
  }

  public String url() {
    return "http://" + host + ":" + port + path;
  }
}
