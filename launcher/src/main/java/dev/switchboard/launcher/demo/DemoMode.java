package dev.switchboard.launcher.demo;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.transport.TransportOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gateway runs without a configuration: the demo backends on loopback, default server options, prefix
 * naming and in-memory sessions.
 */
public final class DemoMode {
  /** Backend names, in the order {@link DemoBackends#start} returns the servers. */
  static final List<String> NAMES = List.of("demo-math", "demo-text");

  private final List<RunningServer> servers;
  private final GatewayConfig config;

  private DemoMode(List<RunningServer> servers, GatewayConfig config) {
    this.servers = servers;
    this.config = config;
  }

  public static Future<DemoMode> start(Vertx vertx) {
    return DemoBackends.start(vertx).map(servers -> {
      List<BackendOptions> backends = new ArrayList<>();
      for (int i = 0; i < servers.size(); i++) {
        backends.add(new BackendOptions(NAMES.get(i), URI.create(servers.get(i).url())));
      }
      GatewayConfig config = new GatewayConfig(TransportOptions.defaults(), backends, AggregationOptions.defaults(),
        SessionStoreOptions.defaults());
      return new DemoMode(servers, config);
    });
  }

  public GatewayConfig config() {
    return config;
  }

  /** What the launcher prints once the gateway listens. */
  public String banner(String mcpUrl) {
    return """

      Switchboard is running in demo mode (no configuration given).
        MCP endpoint:   %s
        demo backends:  demo-math (add, multiply, echo), demo-text (echo, upper, word_count, slow_echo)
        tool names:     prefixed with the backend, e.g. demo-math_add, demo-text_echo

      Try it:
        curl -si %s -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \\
          -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}'
        # then with the Mcp-Session-Id header of that answer:
        curl -s %s -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \\
          -H 'Mcp-Session-Id: <id>' \\
          -d '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"demo-math_add","arguments":{"a":2,"b":3}}}'

      Run with --config gateway.yaml to front your own MCP servers (see docs/configuration.md).
      """.formatted(mcpUrl, mcpUrl, mcpUrl);
  }

  public Future<Void> stop() {
    return Future.join(servers.stream().map(RunningServer::close).toList()).mapEmpty();
  }
}
