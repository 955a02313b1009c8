package dev.switchboard.transport.auth;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.transport.streamable.FrontDoor;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.BiConsumer;

/**
 * The check every MCP request passes before the endpoint sees it: authenticates the caller, then hands the request on
 * with its {@link Caller}, or answers 401 / 403 with the {@code WWW-Authenticate} challenge of MCP 2025-11-25
 * ({@code resource_metadata}, and {@code error="invalid_token"} or {@code error="insufficient_scope", scope=...}).
 * The request is paused while a token is being validated remotely, so no body chunk is lost.
 */
public final class AuthGate {
  private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
  private final IncomingAuth auth;
  private final String challenge;
  private final String scope;
  private final FrontDoor.Refusals refusals;

  public AuthGate(IncomingAuth auth) {
    this(auth, FrontDoor.Refusals.NONE);
  }

  /** @param refusals told of each request answered 401 or 403 here */
  public AuthGate(IncomingAuth auth, FrontDoor.Refusals refusals) {
    this.auth = auth;
    this.refusals = refusals;
    IncomingAuthOptions options = auth.options();
    this.challenge = options.enabled() ? "resource_metadata=\"" + options.metadataUrl() + "\"" : null;
    this.scope = String.join(" ", options.scopes());
  }

  public boolean enabled() {
    return auth.options().enabled();
  }

  /** Calls {@code next} with the caller, or answers the request itself. */
  public void handle(HttpServerRequest req, BiConsumer<HttpServerRequest, Caller> next) {
    if (!enabled()) {
      next.accept(req, Caller.ANONYMOUS);
      return;
    }
    Future<Caller> caller = auth.authenticate(req.getHeader(HttpHeaders.AUTHORIZATION));
    if (caller.isComplete()) {
      pass(req, caller, next);
      return;
    }
    req.pause();
    caller.onComplete(done -> {
      pass(req, caller, next);
      req.resume();
    });
  }

  private void pass(HttpServerRequest req, Future<Caller> caller, BiConsumer<HttpServerRequest, Caller> next) {
    if (caller.succeeded()) {
      next.accept(req, caller.result());
    } else {
      reject(req, caller.cause() instanceof AuthFailure failure ? failure
        : AuthFailure.invalid("the token could not be validated"));
    }
  }

  private void reject(HttpServerRequest req, AuthFailure failure) {
    HttpServerResponse resp = req.response();
    if (resp.ended()) {
      return;
    }
    String header = switch (failure.kind()) {
      case MISSING_TOKEN -> "Bearer " + challenge;
      case INVALID_TOKEN -> "Bearer error=\"invalid_token\", " + challenge;
      case INSUFFICIENT_SCOPE -> "Bearer error=\"insufficient_scope\", scope=\"" + scope + "\", " + challenge;
    };
    resp.setStatusCode(failure.status())
      .putHeader(WWW_AUTHENTICATE, header)
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .end(JsonRpc.errorResponse(null, JsonRpcError.SERVER_ERROR, failure.getMessage()).toBuffer());
    refusals.refused(req, failure.status());
  }
}
