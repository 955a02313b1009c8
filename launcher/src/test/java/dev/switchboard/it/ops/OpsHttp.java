package dev.switchboard.it.ops;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;

/** Plain GETs on the operator's endpoints. */
final class OpsHttp {
  private OpsHttp() {
  }

  record Reply(int status, String body) {
  }

  static Future<Reply> get(Vertx vertx, int port, String path) {
    HttpClient http = vertx.createHttpClient();
    return http.request(HttpMethod.GET, port, "127.0.0.1", path)
      .compose(req -> req.send().compose(resp -> resp.body().map(body -> new Reply(resp.statusCode(),
        body.toString()))))
      .eventually(http::close);
  }
}
