package dev.switchboard.core.catalog.impl;

import static dev.switchboard.core.catalog.impl.Fixtures.names;
import static dev.switchboard.core.catalog.impl.Fixtures.options;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendFilter;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.catalog.ConflictResolution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Include and exclude patterns, per backend and per kind. */
class FilterTest {

  @Test
  void includeGlobKeepsOnlyMatchingTools() {
    List<BackendFilter> tools = List.of(new BackendFilter("beta", List.of("e*"), null, null));

    CapabilityView view = Aggregators.create(options(ConflictResolution.PREFIX, null, tools, null))
      .aggregate(Fixtures.threeBackends());

    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("alpha_echo", "alpha_add", "beta_echo", "gamma_search",
      "gamma_time");
  }

  @Test
  void excludeAppliesAfterInclude() {
    List<BackendFilter> tools = List.of(new BackendFilter("beta", List.of("*h", "echo"), List.of("se*"), null),
      new BackendFilter("gamma", null, List.of("time"), null));

    CapabilityView view = Aggregators.create(options(ConflictResolution.PREFIX, null, tools, null))
      .aggregate(Fixtures.threeBackends());

    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("alpha_echo", "alpha_add", "beta_echo", "beta_fetch",
      "gamma_search");
  }

  @Test
  void excludedToolNoLongerConflicts() {
    List<BackendFilter> tools = List.of(new BackendFilter("beta", null, List.of("echo", "search"), null));

    CapabilityView view = Aggregators.create(options(ConflictResolution.MANUAL, null, tools, null))
      .aggregate(List.of(Fixtures.threeBackends().get(0), Fixtures.threeBackends().get(1)));

    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("echo", "add", "fetch");
  }

  @Test
  void resourceFilterMatchesUrisAndUriTemplates() {
    List<BackendFilter> resources = List.of(new BackendFilter("alpha", List.of("test://static/*"), null, null),
      new BackendFilter("gamma", null, List.of("test://static/{*}", "*status"), null));

    CapabilityView view = Aggregators.create(options(ConflictResolution.PREFIX, null, null, resources))
      .aggregate(Fixtures.threeBackends());

    assertThat(names(view, CatalogKind.RESOURCES)).containsExactly("test://static/shared", "test://beta/notes");
    assertThat(names(view, CatalogKind.RESOURCE_TEMPLATES)).containsExactly("test://template/{id}/data");
  }
}
