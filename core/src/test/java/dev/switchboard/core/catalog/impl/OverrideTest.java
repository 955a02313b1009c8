package dev.switchboard.core.catalog.impl;

import static dev.switchboard.core.catalog.impl.Fixtures.names;
import static dev.switchboard.core.catalog.impl.Fixtures.options;
import static dev.switchboard.core.catalog.impl.Fixtures.overrides;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.catalog.AggregationException;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendFilter;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.core.catalog.NameOverride;
import dev.switchboard.core.catalog.Route;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-backend overrides of exposed names and descriptions. */
class OverrideTest {

  @Test
  void overrideRenamesAndRedescribesWithoutPrefix() {
    List<BackendFilter> tools = List.of(overrides("alpha", Map.of("add", new NameOverride("sum", "Adds numbers"))));

    CapabilityView view = Aggregators.create(options(ConflictResolution.PREFIX, null, tools, null))
      .aggregate(Fixtures.threeBackends());

    JsonObject sum = view.items(CatalogKind.TOOLS).get(1);
    assertThat(sum.getString("name")).isEqualTo("sum");
    assertThat(sum.getString("description")).isEqualTo("Adds numbers");
    assertThat(view.tool("sum")).contains(new Route("alpha", "add"));
    assertThat(view.tool("alpha_add")).isEmpty();
  }

  @Test
  void descriptionOnlyOverrideKeepsTheStrategyName() {
    List<BackendFilter> tools = List.of(overrides("beta", Map.of("fetch", new NameOverride(null, "Fetches a URL"))));

    CapabilityView view = Aggregators.create(options(ConflictResolution.PREFIX, null, tools, null))
      .aggregate(Fixtures.threeBackends());

    assertThat(view.items(CatalogKind.TOOLS)).filteredOn(tool -> tool.getString("name").equals("beta_fetch"))
      .singleElement().satisfies(tool -> assertThat(tool.getString("description")).isEqualTo("Fetches a URL"));
  }

  @Test
  void overrideCollisionIsDetected() {
    List<BackendFilter> tools = List.of(overrides("alpha", Map.of("add", new NameOverride("beta_fetch", null))));

    assertThatThrownBy(() -> Aggregators.create(options(ConflictResolution.PREFIX, null, tools, null))
      .aggregate(Fixtures.threeBackends()))
      .isInstanceOfSatisfying(AggregationException.class, e -> assertThat(e.conflicts())
        .containsExactly("tool 'beta_fetch' (alpha:add, beta:fetch)"));
  }

  @Test
  void overrideCollisionWithinOneBackendIsDetectedUnderPriority() {
    List<BackendFilter> tools = List.of(overrides("alpha", Map.of("add", new NameOverride("echo", null))));

    assertThatThrownBy(() -> Aggregators.create(options(ConflictResolution.PRIORITY, List.of("alpha"), tools, null))
      .aggregate(Fixtures.threeBackends()))
      .isInstanceOfSatisfying(AggregationException.class, e -> assertThat(e.conflicts())
        .containsExactly("tool 'echo' (alpha, alpha:add)"));
  }

  @Test
  void overrideNameTakesPartInPriorityResolution() {
    List<BackendFilter> tools = List.of(overrides("gamma", Map.of("time", new NameOverride("echo", null))));

    CapabilityView view = Aggregators.create(options(ConflictResolution.PRIORITY, List.of("gamma"), tools, null))
      .aggregate(Fixtures.threeBackends());

    assertThat(view.tool("echo")).contains(new Route("gamma", "time"));
    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("add", "fetch", "search", "echo");
  }
}
