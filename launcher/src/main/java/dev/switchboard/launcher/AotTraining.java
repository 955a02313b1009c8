package dev.switchboard.launcher;

import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.launcher.demo.DemoMode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The training run of the JDK's AOT cache (JDK 25+, {@code -XX:AOTCacheOutput}), made by the build: starts the demo
 * gateway on an ephemeral port, drives a few sessions through it (initialize, initialized, tools/list, tools/call,
 * DELETE), stops and exits, so the classes a gateway loads and links until it answers are in the cache. A gateway
 * started with {@code -XX:AOTCache} then reaches its first answer sooner. Not part of a running gateway.
 */
public final class AotTraining {
  private static final int SESSIONS = 20;
  private static final String ACCEPT = "application/json, text/event-stream";

  private AotTraining() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    int code = 0;
    try {
      DemoMode demo = DemoMode.start(vertx).await(30, TimeUnit.SECONDS);
      GatewayConfig demoConfig = demo.config();
      GatewayConfig config = new GatewayConfig(demoConfig.server().withPort(0), demoConfig.backends(),
        demoConfig.aggregation(), demoConfig.sessions());
      Gateway gateway = Gateway.start(vertx, config).await(30, TimeUnit.SECONDS);
      HttpClient http = vertx.createHttpClient();
      URI url = URI.create(gateway.url());
      for (int i = 0; i < SESSIONS; i++) {
        session(http, url).await(30, TimeUnit.SECONDS);
      }
      gateway.stop().await(30, TimeUnit.SECONDS);
      demo.stop().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("AOT training failed: " + e);
      code = 1;
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
    System.exit(code);
  }

  private static Future<Void> session(HttpClient http, URI url) {
    String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
      + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"aot-training\",\"version\":\"1\"}}}";
    return send(http, url, HttpMethod.POST, null, init).compose(resp -> {
      String session = resp.getHeader("Mcp-Session-Id");
      return send(http, url, HttpMethod.POST, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
        .compose(r -> send(http, url, HttpMethod.POST, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"))
        .compose(r -> send(http, url, HttpMethod.POST, session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
          + "\"tools/call\",\"params\":{\"name\":\"demo-math_add\",\"arguments\":{\"a\":2,\"b\":3}}}"))
        .compose(r -> send(http, url, HttpMethod.DELETE, session, null));
    }).mapEmpty();
  }

  private static Future<HttpClientResponse> send(HttpClient http, URI url, HttpMethod method, String session,
                                                 String body) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost(url.getHost()).setPort(url.getPort())
      .setURI(url.getPath()).putHeader("Accept", ACCEPT).putHeader("Content-Type", "application/json")
      .putHeader("MCP-Protocol-Version", "2025-11-25");
    if (session != null) {
      options.putHeader("Mcp-Session-Id", session);
    }
    return http.request(options)
      .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
      .compose(resp -> resp.body().map(b -> resp));
  }
}
