package dev.switchboard.launcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.core.backend.BackendOptions;

import java.util.List;

/** Maps a substituted YAML tree onto {@link GatewayConfig}, section by section, failing on the first bad key. */
final class ConfigMapper {
  private ConfigMapper() {
  }

  static GatewayConfig map(JsonNode tree) {
    ConfigNode root = ConfigNode.root(tree).requireKeys("server", "backends", "aggregation", "sessions", "limits",
      "auth", "metrics", "management", "audit", "reload", "tracing", "stateless");
    var server = ServerSection.map(root.get("server")).withLimits(LimitsSection.map(root.get("limits")))
      .withStateless(StatelessSection.map(root.get("stateless")));
    List<BackendOptions> backends = BackendsSection.map(root.get("backends"));
    var aggregation = AggregationSection.map(root.get("aggregation"), KnownBackends.of(backends));
    var sessions = SessionsSection.map(root.get("sessions"));
    ConfigNode auth = root.get("auth").requireKeys("incoming", "authorization");
    var incoming = AuthSection.incoming(auth.get("incoming"));
    var authorization = AuthSection.authorization(auth.get("authorization"));
    for (int i = 0; i < backends.size(); i++) {
      if (backends.get(i).auth().perCaller() && !incoming.enabled()) {
        throw root.get("backends").elements().get(i).get("auth").get("type")
          .fail("token-exchange needs the caller's token: set auth.incoming.type: oauth2");
      }
    }
    var operations = OperationsSection.map(root.get("metrics"), root.get("management"), root.get("audit"),
      root.get("reload"), root.get("tracing"));
    return new GatewayConfig(server, backends, aggregation, sessions, incoming, authorization, operations);
  }
}
