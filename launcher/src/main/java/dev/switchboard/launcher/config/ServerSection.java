package dev.switchboard.launcher.config;

import dev.switchboard.transport.TransportOptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/** Maps {@code server:} onto {@link TransportOptions}. */
final class ServerSection {
  private static final Pattern HOST_NAME = Pattern.compile("\\*|[^\\s/]+");

  private ServerSection() {
  }

  static TransportOptions map(ConfigNode server) {
    server.requireKeys("host", "port", "path", "instances", "maxBodySize", "maxJsonDepth", "allowedHosts",
      "allowedOrigins", "registrationTimeout");
    String host = server.get("host").text(TransportOptions.DEFAULT_HOST);
    if (host.isBlank()) {
      throw server.get("host").fail("must not be empty");
    }
    int port = server.get("port").integer(TransportOptions.DEFAULT_PORT, 0, 65535);
    String path = server.get("path").text(TransportOptions.DEFAULT_PATH);
    if (!path.startsWith("/")) {
      throw server.get("path").fail("must start with /: \"" + path + "\"");
    }
    int instances = server.get("instances").integer(0, 0, Integer.MAX_VALUE);
    long maxBodyBytes = server.get("maxBodySize").byteSize(TransportOptions.DEFAULT_MAX_BODY_BYTES);
    int maxJsonDepth = server.get("maxJsonDepth").integer(TransportOptions.DEFAULT_MAX_JSON_DEPTH, 1, Integer.MAX_VALUE);
    List<String> allowedHosts = allowedHosts(server.get("allowedHosts"));
    List<String> allowedOrigins = allowedOrigins(server.get("allowedOrigins"));
    return new TransportOptions(host, port, path, instances, maxBodyBytes, maxJsonDepth, allowedHosts, allowedOrigins,
      server.get("registrationTimeout").duration(TransportOptions.DEFAULT_REGISTRATION_TIMEOUT));
  }

  private static List<String> allowedHosts(ConfigNode list) {
    return list.elements().stream().map(element -> {
      String host = element.requiredText();
      if (!HOST_NAME.matcher(host).matches()) {
        throw element.fail("not a host name: \"" + host + "\" (expected e.g. gateway.example.com, or *)");
      }
      return host;
    }).toList();
  }

  private static List<String> allowedOrigins(ConfigNode list) {
    return list.elements().stream().map(element -> {
      String origin = element.requiredText();
      if (!origin.equals("*") && !isOrigin(origin)) {
        throw element.fail("not an origin: \"" + origin + "\" (expected scheme://host[:port] without a path, or *)");
      }
      return origin;
    }).toList();
  }

  private static boolean isOrigin(String text) {
    try {
      URI uri = new URI(text);
      return uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
        && uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
