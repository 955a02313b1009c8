package dev.switchboard.core.health.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendException.Kind;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import org.junit.jupiter.api.Test;

/** Which call failures say a backend is unwell. */
class CallOutcomesTest {

  @Test
  void connectionFailuresTimeoutsAndServerErrorsCount() {
    assertThat(CallOutcomes.countsAgainst(new BackendException("b", Kind.UNREACHABLE, "cannot connect"))).isTrue();
    assertThat(CallOutcomes.countsAgainst(new BackendException("b", Kind.TIMEOUT, "timed out after 1s"))).isTrue();
    assertThat(CallOutcomes.countsAgainst(new BackendException("b", Kind.HTTP_STATUS, "HTTP 503: busy"))).isTrue();
  }

  @Test
  void aFullConnectionPoolIsBackpressureNotAFailure() {
    BackendException busy = new BackendException("b", Kind.UNREACHABLE, "connection pool wait queue is full",
      new ConnectionPoolTooBusyException("full"));
    assertThat(CallOutcomes.countsAgainst(busy)).isFalse();
  }

  @Test
  void answersAndClientSideProblemsDoNotCount() {
    assertThat(CallOutcomes.countsAgainst(McpException.invalidParams("bad"))).isFalse();
    assertThat(CallOutcomes.countsAgainst(new BackendException("b", Kind.HTTP_STATUS, "HTTP 400: bad"))).isFalse();
    assertThat(CallOutcomes.countsAgainst(new BackendException("b", Kind.SESSION_EXPIRED, "expired"))).isFalse();
    assertThat(CallOutcomes.countsAgainst(new BackendException("b", Kind.CANCELLED, "cancelled"))).isFalse();
  }
}
