package dev.switchboard.perf.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gateway configurations for the benchmark, as YAML with {@code {port}} for the port the process gets. Backends are
 * named in order; names stay bare with one backend ({@code priority}), and are prefixed {@code <backend>_} with
 * several unless {@link #bareNames()} is asked for.
 */
final class GatewayYaml {
  private final Map<String, String> backends = new LinkedHashMap<>();
  private final Map<String, List<String>> stdioBackends = new LinkedHashMap<>();
  private String sessions = "{store: memory, ttl: 30m}";
  private boolean bareNames;
  private String auth;
  private String extra;

  GatewayYaml backend(String name, String url) {
    backends.put(name, url);
    return this;
  }

  /** Bare names ({@code priority}) even with several backends, whose tool names then must not clash. */
  GatewayYaml bareNames() {
    bareNames = true;
    return this;
  }

  /** A stdio backend the gateway starts with {@code command} (one shared process). */
  GatewayYaml stdioBackend(String name, List<String> command) {
    stdioBackends.put(name, List.copyOf(command));
    return this;
  }

  /** Sessions in Redis under {@code keyPrefix}. */
  GatewayYaml redis(String url, String keyPrefix) {
    sessions = "{store: redis, ttl: 30m, redis: {url: \"" + url + "\", keyPrefix: \"" + keyPrefix + "\"}}";
    return this;
  }

  /** {@code auth.incoming: {type: oauth2, ...}} for tokens of {@code issuer} with audience {@code resource}. */
  GatewayYaml oauth2(String issuer, String resource, String scope) {
    auth = "{incoming: {type: oauth2, issuer: \"" + issuer + "\", resource: \"" + resource + "\", scopes: ["
      + scope + "]}}";
    return this;
  }

  /** Top-level YAML appended as it is (keys the other methods do not write). */
  GatewayYaml extra(String yaml) {
    extra = yaml;
    return this;
  }

  String build() {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# written by switchboard-perf\n");
    yaml.append("server: {host: 127.0.0.1, port: {port}, path: /mcp}\n");
    yaml.append("backends:\n");
    backends.forEach((name, url) -> yaml.append("  - {name: ").append(name).append(", url: \"").append(url)
      .append("\", timeout: 30s, maxConnections: 64}\n"));
    stdioBackends.forEach((name, command) -> yaml.append("  - {name: ").append(name).append(", command: [")
      .append(String.join(", ", command.stream().map(part -> "\"" + part.replace("\"", "\\\"") + "\"").toList()))
      .append("], timeout: 30s}\n"));
    int count = backends.size() + stdioBackends.size();
    yaml.append("aggregation: {conflictResolution: ").append(count == 1 || bareNames ? "priority" : "prefix")
      .append("}\n");
    yaml.append("sessions: ").append(sessions).append('\n');
    if (auth != null) {
      yaml.append("auth: ").append(auth).append('\n');
    }
    if (extra != null) {
      yaml.append(extra).append('\n');
    }
    return yaml.toString();
  }
}
