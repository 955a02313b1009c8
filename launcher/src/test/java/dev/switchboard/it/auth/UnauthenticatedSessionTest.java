package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.bus.Identity;
import dev.switchboard.it.GatewayTestBase;
import dev.switchboard.session.SessionRecord;
import org.junit.jupiter.api.Test;

/** With authentication off, a session is bound to the identity {@code unauthenticated} / {@code unauthenticated}. */
class UnauthenticatedSessionTest extends GatewayTestBase {

  @Test
  void sessionRecordStoresTheUnauthenticatedIdentity() {
    client.initialize().await();
    SessionRecord record = gateway.sessions().find(client.sessionId(), Identity.ANONYMOUS).await().record();
    assertThat(record.issuer()).isEqualTo("unauthenticated");
    assertThat(record.subject()).isEqualTo("unauthenticated");
  }
}
