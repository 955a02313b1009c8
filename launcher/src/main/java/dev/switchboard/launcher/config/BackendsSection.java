package dev.switchboard.launcher.config;

import dev.switchboard.core.auth.BackendAuthOptions;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendTransport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Maps {@code backends:} onto {@link BackendOptions}, one per list element. */
final class BackendsSection {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private BackendsSection() {
  }

  static List<BackendOptions> map(ConfigNode backends) {
    List<ConfigNode> elements = backends.elements();
    if (elements.isEmpty()) {
      throw backends.fail("at least one backend is required");
    }
    Set<String> names = new HashSet<>();
    List<BackendOptions> result = new ArrayList<>(elements.size());
    for (ConfigNode backend : elements) {
      backend.requireKeys("name", "url", "timeout", "maxConnections", "headers", "auth", "transport", "command", "env",
        "cwd", "sessionMode", "maxProcesses", "maxLineSize", "maxQueuedMessages", "stopGracePeriod", "idleTimeout",
        "health", "circuitBreaker");
      String name = name(backend.get("name"));
      if (!names.add(name)) {
        throw backend.get("name").fail("duplicate backend name \"" + name + "\"");
      }
      if (BackendKindsSection.isStdio(backend)) {
        result.add(BackendOptions.stdio(name, backend.get("timeout").duration(BackendOptions.DEFAULT_TIMEOUT),
          BackendKindsSection.map(backend)).withHealth(HealthSection.health(backend.get("health")),
          HealthSection.breaker(backend.get("circuitBreaker"))));
        continue;
      }
      Map<String, String> headers = headers(backend.get("headers"));
      BackendTransport transport = BackendKindsSection.transport(backend.get("transport"));
      BackendAuthOptions auth = BackendAuthSection.map(backend.get("auth"), headers);
      if (transport == BackendTransport.SSE && auth.type() != BackendAuthOptions.Type.NONE) {
        // the legacy SSE client sends its configured headers only; refuse rather than send no credentials
        throw backend.get("auth").get("type").fail("not supported with transport: sse; set the Authorization "
          + "header in headers instead");
      }
      result.add(new BackendOptions(name, url(backend.get("url")),
        backend.get("timeout").duration(BackendOptions.DEFAULT_TIMEOUT),
        headers,
        backend.get("maxConnections").integer(BackendOptions.DEFAULT_MAX_CONNECTIONS, 1, Integer.MAX_VALUE),
        transport, null, auth, HealthSection.health(backend.get("health")),
        HealthSection.breaker(backend.get("circuitBreaker"))));
    }
    return result;
  }

  private static String name(ConfigNode node) {
    String name = node.requiredText();
    if (!NAME.matcher(name).matches()) {
      throw node.fail("must be 1-64 characters of A-Z a-z 0-9 _ . -, got \"" + name + "\"");
    }
    return name;
  }

  private static URI url(ConfigNode node) {
    String text = node.text(null);
    if (text == null) {
      throw node.fail("required (or command: for a stdio backend)");
    }
    URI uri = httpUri(text);
    if (uri == null) {
      throw node.fail("not a URL: \"" + text + "\" (expected an absolute http:// or https:// URL with a host)");
    }
    return uri;
  }

  private static URI httpUri(String text) {
    try {
      URI uri = new URI(text);
      boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      return http && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Map<String, String> headers(ConfigNode node) {
    Map<String, String> headers = new LinkedHashMap<>();
    node.entries().forEach((name, value) -> {
      if (!HEADER_NAME.matcher(name).matches()) {
        throw value.fail("not a valid HTTP header name");
      }
      if (headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
        throw value.fail("duplicate header (header names are case-insensitive)");
      }
      headers.put(name, value.requiredText());
    });
    return headers;
  }
}
