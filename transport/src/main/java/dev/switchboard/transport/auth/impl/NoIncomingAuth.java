package dev.switchboard.transport.auth.impl;

import dev.switchboard.transport.auth.Caller;
import dev.switchboard.transport.auth.IncomingAuth;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import io.vertx.core.Future;

/** {@code type: none}: every caller is anonymous. */
public final class NoIncomingAuth implements IncomingAuth {
  public static final NoIncomingAuth INSTANCE = new NoIncomingAuth();
  private static final IncomingAuthOptions OPTIONS = IncomingAuthOptions.none();
  private static final Future<Caller> ANONYMOUS = Future.succeededFuture(Caller.ANONYMOUS);

  private NoIncomingAuth() {
  }

  @Override
  public IncomingAuthOptions options() {
    return OPTIONS;
  }

  @Override
  public Future<Caller> authenticate(String authorization) {
    return ANONYMOUS;
  }
}
