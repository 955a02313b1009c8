package dev.switchboard.it.ops;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP proxy in front of a real backend that records what it forwards and can be made to hang: while hanging, requests are held
 * unanswered; {@link #release()} forwards them. Simulates a backend that stops answering after start-up.
 */
final class GateProxy {
  private final Vertx vertx;
  private final HttpClient client;
  private final int targetPort;
  /** Held requests, each with the context it arrived on (where it must be read and answered). */
  private final List<Held> held = new ArrayList<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private boolean hanging;

  private GateProxy(Vertx vertx, int targetPort) {
    this.vertx = vertx;
    this.client = vertx.createHttpClient();
    this.targetPort = targetPort;
  }

  static Future<GateProxy> start(Vertx vertx, int targetPort) {
    GateProxy proxy = new GateProxy(vertx, targetPort);
    proxy.server = vertx.createHttpServer().requestHandler(proxy::handle);
    return proxy.server.listen(0, "127.0.0.1").map(proxy);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/mcp";
  }

  synchronized void hang() {
    hanging = true;
  }

  private record Held(HttpServerRequest request, Context context) {
  }

  /** Stops hanging and forwards what was held, each on the context it arrived on. */
  void release() {
    List<Held> pending;
    synchronized (this) {
      hanging = false;
      pending = new ArrayList<>(held);
      held.clear();
    }
    pending.forEach(h -> h.context().runOnContext(v -> forward(h.request())));
  }

  private void handle(HttpServerRequest req) {
    req.pause();
    synchronized (this) {
      if (hanging) {
        held.add(new Held(req, Vertx.currentContext()));
        return;
      }
    }
    forward(req);
  }

  private void forward(HttpServerRequest req) {
    RequestOptions options = new RequestOptions().setMethod(req.method()).setHost("127.0.0.1").setPort(targetPort)
      .setURI(req.uri());
    req.headers().forEach(h -> {
      if (!"host".equalsIgnoreCase(h.getKey())) {
        options.addHeader(h.getKey(), h.getValue());
      }
    });
    Future<Buffer> body = req.body();
    req.resume();
    body.compose(bytes -> {
      seen.add(new Seen(req.method().name(), req.getHeader("traceparent"), req.getHeader("Mcp-Session-Id"),
        bytes.toString()));
      return client.request(options).compose(out -> out.send(bytes));
    }).onSuccess(resp -> {
      req.response().setStatusCode(resp.statusCode());
      resp.headers().forEach(h -> {
        if (!"content-length".equalsIgnoreCase(h.getKey()) && !"transfer-encoding".equalsIgnoreCase(h.getKey())) {
          req.response().putHeader(h.getKey(), h.getValue());
        }
      });
      if (resp.getHeader("content-length") != null) {
        req.response().putHeader("content-length", resp.getHeader("content-length"));
      } else {
        req.response().setChunked(true);
      }
      resp.pipeTo(req.response());
    }).onFailure(err -> req.response().setStatusCode(502).end());
  }

  /** What the proxy forwarded: method, {@code traceparent}, session id and body of each request. */
  List<Seen> seen() {
    return seen;
  }

  record Seen(String method, String traceparent, String sessionId, String body) {
  }

  Future<Void> close() {
    return server.close().eventually(client::close);
  }
}
