package dev.switchboard.core.auth.impl;

import dev.switchboard.core.auth.BackendAuthOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One token request to an OAuth 2.0 token endpoint (form POST, client authenticated with HTTP Basic), bounded by the
 * backend's auth timeout. Failures carry a message that names the endpoint's answer, never a secret or a token.
 */
final class TokenEndpoint {
  private final Vertx vertx;
  private final HttpClient http;

  TokenEndpoint(Vertx vertx, HttpClient http) {
    this.vertx = vertx;
    this.http = http;
  }

  Future<IssuedToken> request(BackendAuthOptions auth, MultiMap form) {
    if (auth.audience() != null) {
      form.add("audience", auth.audience());
    }
    if (!auth.scopes().isEmpty()) {
      form.add("scope", String.join(" ", auth.scopes()));
    }
    long timeout = auth.timeout().toMillis();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(auth.tokenUrl())
      .setConnectTimeout(timeout).setIdleTimeout(timeout)
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
      .putHeader(HttpHeaders.ACCEPT, "application/json")
      .putHeader(HttpHeaders.AUTHORIZATION, basic(auth));
    Promise<IssuedToken> result = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer = vertx.setTimer(timeout, t -> {
      if (result.tryFail(new IllegalStateException("the token endpoint did not answer within " + timeout + " ms"))
        && sent.get() != null) {
        sent.get().reset();
      }
    });
    http.request(options)
      .compose(req -> {
        sent.set(req);
        return req.send(encode(form));
      })
      .compose(resp -> resp.body().map(body -> parse(resp.statusCode(), body)))
      .onComplete(done -> {
        vertx.cancelTimer(timer);
        if (done.succeeded()) {
          result.tryComplete(done.result());
        } else {
          result.tryFail(done.cause() instanceof IllegalStateException ? done.cause()
            : new IllegalStateException("token endpoint unreachable: " + done.cause().getClass().getSimpleName()));
        }
      });
    return result.future();
  }

  private static IssuedToken parse(int status, Buffer body) {
    JsonObject json;
    try {
      json = new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalStateException("token endpoint answered HTTP " + status + " without JSON");
    }
    if (status != 200 || !(json.getValue("access_token") instanceof String token) || token.isEmpty()) {
      Object error = json.getValue("error");
      throw new IllegalStateException("token endpoint answered HTTP " + status
        + (error instanceof String e ? " (" + e + ")" : ""));
    }
    long expiresIn = json.getValue("expires_in") instanceof Number n ? n.longValue() : 300;
    return new IssuedToken(token, System.currentTimeMillis() + expiresIn * 1000);
  }

  private static String basic(BackendAuthOptions auth) {
    String secret = auth.clientSecret() == null ? "" : auth.clientSecret();
    String pair = form(auth.clientId()) + ":" + form(secret);
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static Buffer encode(MultiMap form) {
    StringBuilder out = new StringBuilder();
    form.forEach(e -> {
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(form(e.getKey())).append('=').append(form(e.getValue()));
    });
    return Buffer.buffer(out.toString());
  }

  private static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** An access token and when it expires (epoch millis). */
  record IssuedToken(String token, long expiresAtMillis) {
    @Override
    public String toString() {
      return "IssuedToken[expiresAtMillis=" + expiresAtMillis + "]";
    }
  }
}
