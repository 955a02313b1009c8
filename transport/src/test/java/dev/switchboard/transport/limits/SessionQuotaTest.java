package dev.switchboard.transport.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SessionQuotaTest {
  private static final Identity ALICE = new Identity("https://idp", "alice");
  private static final Identity BOB = new Identity("https://idp", "bob");
  private static final JsonObject INFO = new JsonObject().put("name", "c");

  private static SessionQuota quota(int sessions, int pending, int perIdentity) {
    return new SessionQuota(LimitsOptions.defaults().withMaxSessions(sessions, pending, perIdentity));
  }

  @Test
  void identityBeyondItsCapIsRefused() {
    SessionQuota quota = quota(100, 100, 2);
    quota.acquire(ALICE, INFO, new JsonObject());
    quota.acquire(ALICE, INFO, new JsonObject());

    assertThatThrownBy(() -> quota.acquire(ALICE, INFO, new JsonObject())).isInstanceOf(LimitExceeded.class)
      .hasMessageContaining("identity");
  }

  @Test
  void otherIdentitiesAreNotCountedTogether() {
    SessionQuota quota = quota(100, 100, 1);
    quota.acquire(ALICE, INFO, new JsonObject());

    quota.acquire(BOB, INFO, new JsonObject());

    assertThat(quota.sessionsOf(BOB)).isEqualTo(1);
  }

  @Test
  void anonymousSessionsHaveNoIdentityCap() {
    SessionQuota quota = quota(100, 100, 1);
    for (int i = 0; i < 5; i++) {
      quota.acquire(Identity.ANONYMOUS, INFO, new JsonObject()).registered();
    }

    assertThat(quota.sessions()).isEqualTo(5);
    assertThat(quota.sessionsOf(Identity.ANONYMOUS)).isZero();
  }

  @Test
  void releaseIsCountedOnce() {
    SessionQuota quota = quota(100, 100, 5);
    SessionQuota.Lease lease = quota.acquire(ALICE, INFO, new JsonObject());

    lease.release();
    lease.release();
    lease.registered();

    assertThat(quota.sessions()).isZero();
    assertThat(quota.pending()).isZero();
    assertThat(quota.sessionsOf(ALICE)).isZero();
    assertThat(quota.clientBytes()).isZero();
  }

  @Test
  void refusedAcquireHoldsNothing() {
    SessionQuota quota = quota(1, 100, 5);
    quota.acquire(ALICE, INFO, new JsonObject());

    assertThatThrownBy(() -> quota.acquire(BOB, INFO, new JsonObject())).isInstanceOf(LimitExceeded.class);

    assertThat(quota.sessions()).isEqualTo(1);
    assertThat(quota.pending()).isEqualTo(1);
    assertThat(quota.sessionsOf(BOB)).isZero();
  }

  @Test
  void registeredSessionLeavesThePendingCount() {
    SessionQuota quota = quota(100, 1, 5);
    quota.acquire(ALICE, INFO, new JsonObject()).registered();

    quota.acquire(ALICE, INFO, new JsonObject());

    assertThat(quota.pending()).isEqualTo(1);
    assertThat(quota.sessions()).isEqualTo(2);
  }

  @Test
  void oversizedCapabilitiesAreInvalidParams() {
    SessionQuota quota = new SessionQuota(LimitsOptions.defaults().withClientData(100, 100, 1000));

    assertThatThrownBy(() -> quota.acquire(ALICE, INFO, new JsonObject().put("x", "y".repeat(200))))
      .isInstanceOfSatisfying(McpException.class, e -> assertThat(e.code()).isEqualTo(-32602));
    assertThat(quota.sessions()).isZero();
  }
}
