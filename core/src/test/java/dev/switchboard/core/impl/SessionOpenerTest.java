package dev.switchboard.core.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.SessionOpened;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.metrics.impl.NoopGatewayMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** New sessions and the catalog cache: what each backend is asked when sessions come and go. */
@ExtendWith(VertxExtension.class)
class SessionOpenerTest {
  private final ScriptedBackend alpha = new ScriptedBackend("alpha");
  private final ScriptedBackend beta = new ScriptedBackend("beta");
  private final CatalogCache cache = new CatalogCache(Duration.ofMinutes(1), 100);
  private SessionOpener opener;

  @BeforeEach
  void opener(Vertx vertx) {
    BackendRegistry registry = new BackendRegistry(vertx, List.of(alpha, beta), new JsonObject().put("name", "gw"),
      NoopGatewayMetrics.INSTANCE);
    opener = new SessionOpener(registry, new ViewBuilder(AggregationOptions.defaults()), cache);
  }

  private SessionOpened open(String sessionId, JsonObject capabilities) {
    return opener.open(new OpenSession(new ClientSession(sessionId, Identity.ANONYMOUS, "2025-11-25",
      new JsonObject(), capabilities), null, null, null)).await();
  }

  private static long lists(ScriptedBackend backend) {
    return backend.sent().stream().filter(s -> s.method().endsWith("/list")).count();
  }

  @Test
  void sessionsThatLookAlikeToABackendShareOneReadOfItsCatalogAndOneView() {
    SessionOpened first = open("s1", new JsonObject());
    SessionOpened second = open("s2", new JsonObject().put("experimental", new JsonObject()));

    assertThat(alpha.sessionsOpened()).as("each session still has its own backend session").isEqualTo(2);
    assertThat(lists(alpha)).isEqualTo(1);
    assertThat(lists(beta)).isEqualTo(1);
    assertThat(second.backendSessions()).isNotEqualTo(first.backendSessions());
    assertThat(second.view()).isSameAs(first.view());
    assertThat(second.view().items(CatalogKind.TOOLS)).hasSize(2);
  }

  @Test
  void aClientWithOtherRelayedFeaturesGetsItsOwnRead() {
    open("s1", new JsonObject());
    open("s2", new JsonObject().put("sampling", new JsonObject()));
    open("s3", new JsonObject().put("sampling", new JsonObject().put("made-up", true)));

    assertThat(lists(alpha)).as("sampling differs; a made-up sub-capability does not").isEqualTo(2);
  }

  @Test
  void aChangedBackendIsReadAgainAndTheOtherIsNot() {
    open("s1", new JsonObject());
    cache.invalidate("alpha");
    open("s2", new JsonObject());

    assertThat(lists(alpha)).isEqualTo(2);
    assertThat(lists(beta)).isEqualTo(1);
  }

  @Test
  void aRestoredSessionIsNotReadAgainWhenItsCatalogsAreCached() {
    SessionOpened first = open("s1", new JsonObject());
    long before = alpha.sent().size();
    SessionOpened restored = opener.open(new OpenSession(new ClientSession("s1", Identity.ANONYMOUS,
      "2025-11-25", new JsonObject(), new JsonObject()), Map.copyOf(first.backendSessions()), "unknown-view", null))
      .await();

    assertThat(alpha.sent()).hasSize((int) before);
    assertThat(restored.backendSessions()).isEqualTo(first.backendSessions());
    assertThat(restored.view()).isSameAs(first.view());
  }
}
