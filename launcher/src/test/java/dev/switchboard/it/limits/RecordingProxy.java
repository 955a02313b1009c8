package dev.switchboard.it.limits;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A recording reverse proxy in front of a test backend: it sees exactly what the gateway sends to the backend
 * (method and body of every request) and passes the backend's answers back as they stream.
 */
final class RecordingProxy {
  /** One request the gateway sent. */
  record Sent(HttpMethod method, Buffer body) {
  }

  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final HttpClient client;
  private final URI target;
  private final Map<String, ToolCallAnswer> answers = new ConcurrentHashMap<>();

  /** An answer the proxy gives to a request itself instead of forwarding it. */
  record ToolCallAnswer(int status, String contentType, Function<JsonObject, String> body) {
  }

  private RecordingProxy(Vertx vertx, URI target) {
    this.target = target;
    this.client = vertx.createHttpClient();
    this.server = vertx.createHttpServer().requestHandler(this::forward);
  }

  static Future<RecordingProxy> start(Vertx vertx, String backendUrl) {
    RecordingProxy proxy = new RecordingProxy(vertx, URI.create(backendUrl));
    return proxy.server.listen(0, "127.0.0.1").map(s -> proxy);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + target.getRawPath();
  }

  int port() {
    return server.actualPort();
  }

  List<Sent> sent() {
    return sent;
  }

  long count(HttpMethod method) {
    return sent.stream().filter(s -> s.method().equals(method)).count();
  }

  /** From now on answers every {@code tools/call} itself. */
  RecordingProxy answerToolCalls(ToolCallAnswer answer) {
    return answer("tools/call", answer);
  }

  /** From now on answers every request with {@code method} itself. */
  RecordingProxy answer(String method, ToolCallAnswer answer) {
    answers.put(method, answer);
    return this;
  }

  Future<Void> close() {
    return server.close().eventually(client::close);
  }

  private void forward(HttpServerRequest req) {
    req.body().compose(body -> {
      sent.add(new Sent(req.method(), body));
      JsonObject message = !answers.isEmpty() && body.length() > 0 && body.getByte(0) == '{' ? body.toJsonObject()
        : null;
      ToolCallAnswer own = message == null || !(message.getValue("method") instanceof String method) ? null
        : answers.get(method);
      if (own != null) {
        return req.response().setStatusCode(own.status()).putHeader("Content-Type", own.contentType())
          .end(own.body().apply(message));
      }
      RequestOptions options = new RequestOptions().setMethod(req.method()).setHost(target.getHost())
        .setPort(target.getPort()).setURI(req.uri());
      req.headers().forEach((name, value) -> {
        if (!"host".equalsIgnoreCase(name) && !"content-length".equalsIgnoreCase(name)) {
          options.addHeader(name, value);
        }
      });
      return client.request(options).compose(out -> out.send(body)).compose(resp -> {
        req.response().setStatusCode(resp.statusCode());
        resp.headers().forEach((name, value) -> {
          if (!"content-length".equalsIgnoreCase(name) && !"transfer-encoding".equalsIgnoreCase(name)) {
            req.response().headers().add(name, value);
          }
        });
        req.response().setChunked(true);
        return resp.pipeTo(req.response());
      });
    }).onFailure(err -> {
      if (!req.response().headWritten()) {
        req.response().setStatusCode(502).end();
      } else {
        req.response().reset();
      }
    });
  }
}
