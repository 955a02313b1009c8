package dev.switchboard.core.auth;

import dev.switchboard.core.auth.impl.DefaultOutgoingCredentials;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.bus.Identity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The {@code Authorization} header value each backend receives, per backend and caller. Thread-safe, non-blocking;
 * token requests are bounded by {@link BackendAuthOptions#timeout()} and shared by concurrent callers.
 */
public interface OutgoingCredentials {

  static OutgoingCredentials create(Vertx vertx, List<BackendOptions> backends, CallerTokens callers) {
    return new DefaultOutgoingCredentials(vertx, backends, callers);
  }

  /**
   * @param caller the caller, or null when nobody calls (a probe)
   * @return the header value, or null when the backend gets none; fails with an {@link IllegalStateException} whose
   *         message says why (never a secret) when the credentials cannot be obtained
   */
  Future<String> authorization(String backend, Identity caller);

  /** True when the backend's credentials depend on the caller (token exchange): there is nothing to probe with. */
  boolean perCaller(String backend);

  Future<Void> close();
}
