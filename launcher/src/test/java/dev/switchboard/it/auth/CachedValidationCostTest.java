package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.transport.auth.Caller;
import dev.switchboard.transport.auth.IncomingAuth;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A token validated once is served from the cache: the validation completes at once, without asking the IdP again.
 * The cost per cached validation is printed (best of five rounds), not asserted: speed is measured in benchmark runs
 * (perf/README.md), never asserted in a unit test.
 */
@ExtendWith(VertxExtension.class)
class CachedValidationCostTest {
  private static final int CALLS = 200_000;

  @Test
  void cachedValidationCompletesAtOnceWithoutAskingTheIdp(Vertx vertx) {
    try (TestIdp idp = new TestIdp()) {
      IncomingAuth auth = IncomingAuth.start(vertx,
        IncomingAuthOptions.oauth2(idp.issuer(), TestIdp.RESOURCE, List.of("mcp"))).await();
      String header = "Bearer " + idp.token("alice");
      assertThat(auth.authenticate(header).await().identity().subject()).isEqualTo("alice");
      idp.requests();
      double best = Double.MAX_VALUE;
      for (int round = 0; round < 5; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
          Future<Caller> caller = auth.authenticate(header);
          if (!caller.succeeded()) {
            throw new AssertionError("a cached validation must complete at once");
          }
        }
        best = Math.min(best, (System.nanoTime() - start) / (double) CALLS / 1000);
      }
      System.out.printf("cached token validation: %.2f us per request (best of 5 rounds of %d)%n", best, CALLS);
      assertThat(idp.requests()).isEmpty();
    }
  }
}
