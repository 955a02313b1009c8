package dev.switchboard.launcher;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.launcher.demo.DemoMode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The training run of the JDK's AOT cache (JDK 25+, {@code -XX:AOTCacheOutput}), made by the build. It starts the
 * demo backends, and then a gateway in front of them the way {@code java -jar switchboard.jar --config FILE} does:
 * through {@link SwitchboardApplication#main}, so the Vert.x launcher, the configuration file's YAML, the metrics
 * registry and the reload watcher are trained too. It drives a few sessions through the gateway (initialize,
 * initialized, tools/list, tools/call, DELETE), reads {@code /health/ready} and {@code /metrics}, and exits, so that
 * the classes a gateway loads and links until it answers are in the cache. A gateway started with
 * {@code -XX:AOTCache} then reaches its first answer sooner. Not part of a running gateway.
 */
public final class AotTraining {
  private static final int SESSIONS = 20;
  private static final String HOST = "127.0.0.1";
  private static final String ACCEPT = "application/json, text/event-stream";

  private AotTraining() {
  }

  public static void main(String[] args) throws Exception {
    // the demo backends' Vert.x starts Netty before the gateway's main would choose its settings
    SwitchboardApplication.chooseNettyDefaults();
    Vertx vertx = Vertx.vertx();
    int code = 0;
    try {
      DemoMode demo = DemoMode.start(vertx).await(30, TimeUnit.SECONDS);
      int port = FreePort.find(HOST);
      Path config = Files.createTempFile("switchboard-aot-training", ".yaml");
      config.toFile().deleteOnExit();
      Files.writeString(config, configYaml(port, demo));
      // returns once the gateway verticle is deployed; a failed start exits the JVM with a non-zero code
      SwitchboardApplication.main(new String[] {"--config", config.toString()});
      HttpClient http = vertx.createHttpClient();
      for (int i = 0; i < SESSIONS; i++) {
        session(http, port).await(30, TimeUnit.SECONDS);
      }
      send(http, port, HttpMethod.GET, "/health/ready", null, null).await(30, TimeUnit.SECONDS);
      send(http, port, HttpMethod.GET, "/metrics", null, null).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("AOT training failed: " + e);
      code = 1;
    }
    // the launcher's shutdown hook stops the gateway; the JVM writes the cache as it exits
    System.exit(code);
  }

  private static String configYaml(int port, DemoMode demo) {
    StringBuilder yaml = new StringBuilder("server: {host: " + HOST + ", port: " + port + ", path: /mcp}\nbackends:\n");
    for (BackendOptions backend : demo.config().backends()) {
      yaml.append("  - {name: ").append(backend.name()).append(", url: \"").append(backend.url()).append("\"}\n");
    }
    return yaml.toString();
  }

  private static Future<Void> session(HttpClient http, int port) {
    String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
      + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"aot-training\",\"version\":\"1\"}}}";
    return send(http, port, HttpMethod.POST, "/mcp", null, init).compose(resp -> {
      String session = resp.getHeader("Mcp-Session-Id");
      return send(http, port, HttpMethod.POST, "/mcp", session,
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
        .compose(r -> send(http, port, HttpMethod.POST, "/mcp", session,
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"))
        .compose(r -> send(http, port, HttpMethod.POST, "/mcp", session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
          + "\"tools/call\",\"params\":{\"name\":\"demo-math_add\",\"arguments\":{\"a\":2,\"b\":3}}}"))
        .compose(r -> send(http, port, HttpMethod.DELETE, "/mcp", session, null));
    }).mapEmpty();
  }

  private static Future<HttpClientResponse> send(HttpClient http, int port, HttpMethod method, String path,
                                                 String session, String body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost(HOST).setPort(port).setURI(path)
      .putHeader("Accept", ACCEPT).putHeader("Content-Type", "application/json")
      .putHeader("MCP-Protocol-Version", "2025-11-25");
    if (session != null) {
      options.putHeader("Mcp-Session-Id", session);
    }
    return http.request(options)
      .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
      .compose(resp -> resp.body().map(b -> {
        if (resp.statusCode() >= 300) {
          throw new IllegalStateException(method + " " + path + " answered " + resp.statusCode());
        }
        return resp;
      }));
  }
}
