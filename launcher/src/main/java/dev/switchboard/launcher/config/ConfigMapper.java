package dev.switchboard.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.backend.BackendOptions;

import java.util.List;

/** Maps a substituted YAML tree onto {@link GatewayConfig}, section by section, failing on the first bad key. */
final class ConfigMapper {
  private ConfigMapper() {
  }

  static GatewayConfig map(JsonNode tree) {
    ConfigNode root = ConfigNode.root(tree).requireKeys("server", "backends", "aggregation", "sessions", "metrics",
      "management", "audit", "reload", "tracing");
    var server = ServerSection.map(root.get("server"));
    List<BackendOptions> backends = BackendsSection.map(root.get("backends"));
    var aggregation = AggregationSection.map(root.get("aggregation"), KnownBackends.of(backends));
    var sessions = SessionsSection.map(root.get("sessions"));
    var operations = OperationsSection.map(root.get("metrics"), root.get("management"), root.get("audit"),
      root.get("reload"), root.get("tracing"));
    return new GatewayConfig(server, backends, aggregation, sessions, operations);
  }
}
