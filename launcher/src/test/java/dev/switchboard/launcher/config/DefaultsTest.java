package dev.switchboard.launcher.config;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.transport.TransportOptions;
import org.junit.jupiter.api.Test;

import static dev.switchboard.launcher.config.ConfigAssertions.ONE_BACKEND;
import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static dev.switchboard.launcher.config.ConfigAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

class DefaultsTest {
  @Test
  void absentServerUsesTransportDefaults() {
    assertThat(parse(ONE_BACKEND).server()).isEqualTo(TransportOptions.defaults());
  }

  @Test
  void emptyServerUsesTransportDefaults() {
    assertThat(parse(ONE_BACKEND + "server:\n").server()).isEqualTo(TransportOptions.defaults());
  }

  @Test
  void absentAggregationUsesAggregationDefaults() {
    assertThat(parse(ONE_BACKEND).aggregation()).isEqualTo(AggregationOptions.defaults());
  }

  @Test
  void absentSessionsUsesSessionStoreDefaults() {
    assertThat(parse(ONE_BACKEND).sessions()).isEqualTo(SessionStoreOptions.defaults());
  }

  @Test
  void backendWithOnlyNameAndUrlUsesBackendDefaults() {
    BackendOptions backend = parse(ONE_BACKEND).backends().getFirst();

    assertThat(backend.timeout()).isEqualTo(BackendOptions.DEFAULT_TIMEOUT);
    assertThat(backend.maxConnections()).isEqualTo(BackendOptions.DEFAULT_MAX_CONNECTIONS);
    assertThat(backend.headers()).isEmpty();
  }

  @Test
  void emptyDocumentRequiresBackends() {
    assertRejected("", "backends: at least one backend is required");
  }

  @Test
  void commentOnlyDocumentRequiresBackends() {
    assertRejected("# nothing here yet\n   # still nothing\n", "backends: at least one backend is required");
  }

  @Test
  void emptyBackendListIsRejected() {
    assertRejected("backends: []", "backends: at least one backend is required");
  }
}
