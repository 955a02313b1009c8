package dev.switchboard.core.catalog.impl;

import static dev.switchboard.core.catalog.impl.Fixtures.aggregate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.ConflictResolution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fingerprints hash content, not object identity. */
class FingerprintTest {

  @Test
  void equalContentHasEqualFingerprints() {
    CapabilityView first = aggregate(ConflictResolution.PREFIX, List.of());
    CapabilityView second = aggregate(ConflictResolution.PREFIX, List.of());

    assertThat(first).isNotSameAs(second);
    assertThat(first.fingerprint()).isEqualTo(second.fingerprint()).matches("[0-9a-f]{64}");
  }

  @Test
  void differentItemsHaveDifferentFingerprints() {
    List<BackendCatalog> changed = List.of(new BackendCatalog("alpha",
      List.of(Fixtures.tool("echo").put("description", "changed")), null, null, null));
    List<BackendCatalog> original = List.of(new BackendCatalog("alpha", List.of(Fixtures.tool("echo")), null, null,
      null));

    assertThat(aggregateDefaults(changed).fingerprint()).isNotEqualTo(aggregateDefaults(original).fingerprint());
  }

  @Test
  void differentRoutesHaveDifferentFingerprints() {
    CapabilityView alphaFirst = aggregate(ConflictResolution.PRIORITY, List.of("alpha", "beta", "gamma"));
    CapabilityView betaFirst = aggregate(ConflictResolution.PRIORITY, List.of("beta", "alpha", "gamma"));

    assertThat(alphaFirst.fingerprint()).isNotEqualTo(betaFirst.fingerprint());
  }

  @Test
  void differentBackendSetsHaveDifferentFingerprints() {
    BackendCatalog alpha = new BackendCatalog("alpha", List.of(Fixtures.tool("echo")), null, null, null);
    BackendCatalog empty = new BackendCatalog("beta", null, null, null, null);

    assertThat(aggregateDefaults(List.of(alpha)).fingerprint()).isNotEqualTo(aggregateDefaults(List.of(alpha, empty)).fingerprint());
  }

  private static CapabilityView aggregateDefaults(List<BackendCatalog> catalogs) {
    return Aggregators.create(AggregationOptions.defaults()).aggregate(catalogs);
  }
}
