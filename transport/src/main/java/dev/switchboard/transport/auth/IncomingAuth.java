package dev.switchboard.transport.auth;

import dev.switchboard.core.auth.CallerTokens;
import dev.switchboard.transport.auth.impl.NoIncomingAuth;
import dev.switchboard.transport.auth.impl.OAuth2IncomingAuth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Authenticates the caller of each request from its {@code Authorization} header. One instance per process, shared by
 * every transport verticle; thread-safe and non-blocking.
 */
public interface IncomingAuth {

  /** Every caller is anonymous. */
  static IncomingAuth none() {
    return NoIncomingAuth.INSTANCE;
  }

  /**
   * Builds the authenticator: with {@code type: oauth2}, finds the authorization server's keys (discovery or
   * {@code jwksUrl}) and fails when it cannot.
   */
  static Future<IncomingAuth> start(Vertx vertx, IncomingAuthOptions options) {
    return start(vertx, options, new CallerTokens());
  }

  /**
   * Like {@link #start(Vertx, IncomingAuthOptions)}; each authenticated caller's latest token is recorded in
   * {@code callers}, in memory, for the backends that exchange it.
   */
  static Future<IncomingAuth> start(Vertx vertx, IncomingAuthOptions options, CallerTokens callers) {
    return options.enabled() ? OAuth2IncomingAuth.start(vertx, options, callers) : Future.succeededFuture(none());
  }

  IncomingAuthOptions options();

  /**
   * @param authorization the {@code Authorization} header value, or null
   * @return the caller; fails with {@link AuthFailure} (and nothing else) when the request may not pass
   */
  Future<Caller> authenticate(String authorization);
}
