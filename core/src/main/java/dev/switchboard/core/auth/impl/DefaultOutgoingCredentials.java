package dev.switchboard.core.auth.impl;

import dev.switchboard.core.auth.BackendAuthOptions;
import dev.switchboard.core.auth.CallerTokens;
import dev.switchboard.core.auth.OutgoingCredentials;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.bus.Identity;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Outgoing credentials per backend: {@code bearer} is sent as a configured header, so nothing here;
 * {@code client-credentials} is one cached token per
 * backend; {@code token-exchange} is one cached token per (caller, backend), exchanged (RFC 8693) for the caller's
 * own token, which only the token endpoint sees.
 */
public final class DefaultOutgoingCredentials implements OutgoingCredentials {
  static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
  static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
  private static final Future<String> NONE = Future.succeededFuture(null);

  private final Map<String, BackendAuthOptions> auth = new HashMap<>();
  private final Map<String, IssuedTokens<String>> perBackend = new HashMap<>();
  private final Map<String, IssuedTokens<Identity>> perCaller = new HashMap<>();
  private final CallerTokens callers;
  private final HttpClient http;
  private final TokenEndpoint endpoint;

  public DefaultOutgoingCredentials(Vertx vertx, List<BackendOptions> backends, CallerTokens callers) {
    this.callers = callers;
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions()
      .setHttp1MaxSize(8).setMaxWaitQueueSize(1024));
    this.endpoint = new TokenEndpoint(vertx, http);
    for (BackendOptions backend : backends) {
      BackendAuthOptions options = backend.auth();
      auth.put(backend.name(), options);
      long refresh = options.refreshBefore().toMillis();
      switch (options.type()) {
        case CLIENT_CREDENTIALS -> perBackend.put(backend.name(),
          new IssuedTokens<>(1, refresh, System::currentTimeMillis));
        case TOKEN_EXCHANGE -> perCaller.put(backend.name(),
          new IssuedTokens<>(options.maxCachedTokens(), refresh, System::currentTimeMillis));
        default -> { }
      }
    }
  }

  @Override
  public Future<String> authorization(String backend, Identity caller) {
    BackendAuthOptions options = auth.get(backend);
    if (options == null) {
      return NONE;
    }
    return switch (options.type()) {
      case NONE, BEARER -> NONE; // a static bearer token is one of the backend's headers (see HttpBackendClient)
      case CLIENT_CREDENTIALS -> perBackend.get(backend).get(backend, b -> endpoint.request(options,
          MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")))
        .map(DefaultOutgoingCredentials::bearer);
      case TOKEN_EXCHANGE -> exchange(backend, options, caller);
    };
  }

  private Future<String> exchange(String backend, BackendAuthOptions options, Identity caller) {
    if (caller == null) {
      return NONE;
    }
    return perCaller.get(backend).get(caller, who -> {
      String subjectToken = callers.token(who);
      if (subjectToken == null) {
        return Future.failedFuture(new IllegalStateException("no valid token of the caller to exchange"));
      }
      MultiMap form = MultiMap.caseInsensitiveMultiMap()
        .add("grant_type", TOKEN_EXCHANGE)
        .add("subject_token", subjectToken)
        .add("subject_token_type", ACCESS_TOKEN_TYPE)
        .add("requested_token_type", ACCESS_TOKEN_TYPE);
      return endpoint.request(options, form);
    }).map(DefaultOutgoingCredentials::bearer);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  @Override
  public boolean perCaller(String backend) {
    BackendAuthOptions options = auth.get(backend);
    return options != null && options.perCaller();
  }

  @Override
  public Future<Void> close() {
    return http.close();
  }
}
