package dev.switchboard.it.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A forwarding HTTP proxy on loopback in front of a real server that records the {@code Authorization} header of
 * every request it receives (and, for a JSON-RPC POST, its method), or, once told to {@link #hang()}, never answers.
 */
final class AuthRecordingProxy {
  /** One request as the proxy saw it. */
  record Seen(String httpMethod, String rpcMethod, String authorization, String body) {
  }

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final HttpClient client;
  private final URI target;
  private volatile boolean hanging;
  private HttpServer server;

  private AuthRecordingProxy(Vertx vertx, String targetUrl) {
    this.client = vertx.createHttpClient();
    this.target = URI.create(targetUrl);
  }

  /** @param targetUrl the server to forward to (its scheme, host and port; the request's path is kept) */
  static Future<AuthRecordingProxy> start(Vertx vertx, String targetUrl) {
    AuthRecordingProxy proxy = new AuthRecordingProxy(vertx, targetUrl);
    proxy.server = vertx.createHttpServer().requestHandler(proxy::handle);
    return proxy.server.listen(0, "127.0.0.1").map(proxy);
  }

  /** The URL of {@code path} through the proxy. */
  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  void hang() {
    hanging = true;
  }

  private void handle(HttpServerRequest req) {
    req.body().onSuccess(body -> {
      String rpc = null;
      if (body.length() > 0 && body.getByte(0) == '{') {
        rpc = new JsonObject(body).getString("method");
      }
      seen.add(new Seen(req.method().name(), rpc, req.getHeader("Authorization"), body.toString()));
      if (hanging) {
        return;
      }
      forward(req, body);
    });
  }

  private void forward(HttpServerRequest req, Buffer body) {
    RequestOptions options = new RequestOptions().setMethod(req.method()).setHost(target.getHost())
      .setPort(target.getPort()).setURI(req.uri());
    req.headers().forEach(h -> {
      if (!"Host".equalsIgnoreCase(h.getKey()) && !"Content-Length".equalsIgnoreCase(h.getKey())) {
        options.addHeader(h.getKey(), h.getValue());
      }
    });
    client.request(options).compose(out -> out.send(body)).onComplete(done -> {
      if (done.failed()) {
        req.response().setStatusCode(502).end();
        return;
      }
      var resp = done.result();
      req.response().setStatusCode(resp.statusCode());
      resp.headers().forEach(h -> {
        if (!"Content-Length".equalsIgnoreCase(h.getKey()) && !"Transfer-Encoding".equalsIgnoreCase(h.getKey())) {
          req.response().headers().add(h.getKey(), h.getValue());
        }
      });
      req.response().setChunked(true);
      resp.pipeTo(req.response());
    });
  }
}
