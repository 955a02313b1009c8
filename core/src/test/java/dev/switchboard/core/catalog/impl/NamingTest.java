package dev.switchboard.core.catalog.impl;

import static dev.switchboard.core.catalog.impl.Fixtures.aggregate;
import static dev.switchboard.core.catalog.impl.Fixtures.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.catalog.AggregationException;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.core.catalog.NameOverride;
import dev.switchboard.core.catalog.Route;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Naming strategies for tools and prompts, and the routes from exposed to original names. */
class NamingTest {

  @Test
  void prefixNamesEverythingWithTheDefaultFormat() {
    CapabilityView view = Aggregators.create(AggregationOptions.defaults()).aggregate(Fixtures.threeBackends());

    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("alpha_echo", "alpha_add", "beta_echo", "beta_search",
      "beta_fetch", "gamma_search", "gamma_time");
    assertThat(names(view, CatalogKind.PROMPTS)).containsExactly("alpha_summarize", "beta_echo", "gamma_summarize");
  }

  @Test
  void prefixUsesACustomFormat() {
    AggregationOptions options = new AggregationOptions(ConflictResolution.PREFIX, "{backend}.", null, null, null,
      null, 0);

    CapabilityView view = Aggregators.create(options).aggregate(Fixtures.threeBackends());

    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("alpha.echo", "alpha.add", "beta.echo", "beta.search",
      "beta.fetch", "gamma.search", "gamma.time");
  }

  @Test
  void priorityKeepsUniqueNamesBareAndGivesConflictsToTheFirstListed() {
    CapabilityView view = aggregate(ConflictResolution.PRIORITY, List.of("beta", "alpha", "gamma"));

    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("add", "echo", "search", "fetch", "time");
    assertThat(view.tool("echo")).contains(new Route("beta", "echo"));
    assertThat(view.tool("search")).contains(new Route("beta", "search"));
    assertThat(view.tool("add")).contains(new Route("alpha", "add"));
  }

  @Test
  void priorityPutsUnlistedBackendsAfterTheListedInCatalogOrder() {
    CapabilityView view = aggregate(ConflictResolution.PRIORITY, List.of("gamma"));

    assertThat(view.tool("echo")).contains(new Route("alpha", "echo"));
    assertThat(view.tool("search")).contains(new Route("gamma", "search"));
    assertThat(view.prompt("summarize")).contains(new Route("gamma", "summarize"));
    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("echo", "add", "fetch", "search", "time");
  }

  @Test
  void manualWithoutOverridesThrowsListingEveryConflict() {
    assertThatThrownBy(() -> aggregate(ConflictResolution.MANUAL, List.of()))
      .isInstanceOfSatisfying(AggregationException.class, e -> assertThat(e.conflicts()).containsExactly(
        "tool 'echo' (alpha, beta)", "tool 'search' (beta, gamma)", "prompt 'summarize' (alpha, gamma)"))
      .hasMessageContaining("tool 'echo' (alpha, beta)")
      .hasMessageContaining("tool 'search' (beta, gamma)")
      .hasMessageContaining("prompt 'summarize' (alpha, gamma)");
  }

  @Test
  void manualWithOverridesSucceeds() {
    AggregationOptions options = new AggregationOptions(ConflictResolution.MANUAL, null, null,
      List.of(Fixtures.overrides("beta", Map.of("echo", new NameOverride("beta_echo", null),
        "search", new NameOverride("web_search", null)))),
      List.of(Fixtures.overrides("gamma", Map.of("summarize", new NameOverride("gamma_summarize", null)))), null, 0);

    CapabilityView view = Aggregators.create(options).aggregate(Fixtures.threeBackends());

    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("echo", "add", "beta_echo", "web_search", "fetch",
      "search", "time");
    assertThat(view.tool("web_search")).contains(new Route("beta", "search"));
    assertThat(view.tool("search")).contains(new Route("gamma", "search"));
    assertThat(view.prompt("gamma_summarize")).contains(new Route("gamma", "summarize"));
  }

  @Test
  void toolsAndPromptsHaveSeparateNamespaces() {
    CapabilityView view = aggregate(ConflictResolution.PRIORITY, List.of("alpha"));

    assertThat(view.tool("echo")).contains(new Route("alpha", "echo"));
    assertThat(view.prompt("echo")).contains(new Route("beta", "echo"));
  }

  @Test
  void routesMapExposedNamesToOriginalNames() {
    CapabilityView view = Aggregators.create(AggregationOptions.defaults()).aggregate(Fixtures.threeBackends());

    assertThat(view.tool("beta_search")).contains(new Route("beta", "search"));
    assertThat(view.tool("gamma_search")).contains(new Route("gamma", "search"));
    assertThat(view.prompt("beta_echo")).contains(new Route("beta", "echo"));
    assertThat(view.tool("search")).isEmpty();
    assertThat(view.tool(null)).isEmpty();
    assertThat(view.backends()).containsExactly("alpha", "beta", "gamma");
  }

  @Test
  void toolNameOutsideTheRecommendedCharactersIsKept() {
    BackendCatalog catalog = new BackendCatalog("alpha", List.of(Fixtures.tool("read file")), null, null, null);

    CapabilityView view = Aggregators.create(AggregationOptions.defaults()).aggregate(List.of(catalog));

    assertThat(view.tool("alpha_read file")).contains(new Route("alpha", "read file"));
  }
}
