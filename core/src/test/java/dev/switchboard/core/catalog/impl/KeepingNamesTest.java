package dev.switchboard.core.catalog.impl;

import static dev.switchboard.core.catalog.impl.Fixtures.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.catalog.AggregationException;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregator;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.core.catalog.Route;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, fault 6: with prefixes, backends {@code a} and {@code a_b}, and {@code a_b} later publishing {@code c}
 * (which collides with {@code a}'s {@code b_c} as {@code a_b_c}), names keep the configured scheme at run time; the
 * newcomer is left out and the collision reported.
 */
class KeepingNamesTest {

  private static BackendCatalog catalog(String backend, String... tools) {
    List<JsonObject> items = Arrays.stream(tools).map(name -> new JsonObject().put("name", name)
      .put("inputSchema", new JsonObject().put("type", "object"))).toList();
    return new BackendCatalog(backend, items, null, null, null);
  }

  private static final List<BackendCatalog> BEFORE = List.of(catalog("a", "echo", "b_c"), catalog("a_b", "x"));
  private static final List<BackendCatalog> AFTER = List.of(catalog("a", "echo", "b_c"), catalog("a_b", "x", "c"));

  @Test
  void collisionAtStartUpStillFailsStrictAggregation() {
    assertThatThrownBy(() -> Aggregators.create(AggregationOptions.defaults()).aggregate(AFTER))
      .isInstanceOf(AggregationException.class).hasMessageContaining("a_b_c");
  }

  @Test
  void runTimeCollisionKeepsThePrefixScheme() {
    Aggregator aggregator = Aggregators.create(AggregationOptions.defaults());
    aggregator.aggregate(BEFORE);
    List<String> collisions = new ArrayList<>();

    CapabilityView view = aggregator.aggregateKeepingNames(AFTER, collisions);

    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("a_echo", "a_b_c", "a_b_x");
    assertThat(view.tool("a_b_c")).contains(new Route("a", "b_c"));
    assertThat(view.tool("echo")).isEmpty();
    assertThat(collisions).containsExactly("tool 'a_b_c' (a:b_c, a_b:c)");
  }

  @Test
  void nameStaysWithItsPreviousOwnerEvenWhenTheNewcomerRanksFirst() {
    AggregationOptions aBFirst = new AggregationOptions(ConflictResolution.PREFIX, null, List.of("a_b", "a"), null,
      null, null, 0);
    Aggregator aggregator = Aggregators.create(aBFirst);
    aggregator.aggregate(BEFORE);

    CapabilityView view = aggregator.aggregateKeepingNames(AFTER, new ArrayList<>());

    assertThat(view.tool("a_b_c")).contains(new Route("a", "b_c"));
  }

  @Test
  void withoutHistoryTheBestRankedKeepsTheName() {
    List<String> collisions = new ArrayList<>();

    CapabilityView view = Aggregators.create(AggregationOptions.defaults()).aggregateKeepingNames(AFTER, collisions);

    assertThat(view.tool("a_b_c")).contains(new Route("a", "b_c"));
    assertThat(collisions).hasSize(1);
  }

  @Test
  void manualStrategyKeepsBareNamesAtRunTime() {
    AggregationOptions manual = new AggregationOptions(ConflictResolution.MANUAL, null, null, null, null, null, 0);
    Aggregator aggregator = Aggregators.create(manual);
    aggregator.aggregate(List.of(catalog("alpha", "echo"), catalog("beta", "search")));
    List<String> collisions = new ArrayList<>();

    CapabilityView view = aggregator.aggregateKeepingNames(List.of(catalog("alpha", "echo"),
      catalog("beta", "search", "echo")), collisions);

    assertThat(names(view, CatalogKind.TOOLS)).containsExactly("echo", "search");
    assertThat(view.tool("echo")).contains(new Route("alpha", "echo"));
    assertThat(collisions).containsExactly("tool 'echo' (alpha, beta)");
  }

  @Test
  void noCollisionMeansNothingReported() {
    List<String> collisions = new ArrayList<>();

    Aggregators.create(AggregationOptions.defaults()).aggregateKeepingNames(BEFORE, collisions);

    assertThat(collisions).isEmpty();
  }
}
