package dev.switchboard.core.catalog.impl;

import static dev.switchboard.core.catalog.impl.Fixtures.aggregate;
import static dev.switchboard.core.catalog.impl.Fixtures.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.core.catalog.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resources keep their URIs; conflicts go by priority; lookups try exact URIs, then templates. */
class ResourceRoutingTest {

  @Test
  void uriConflictGoesToTheFirstInPriorityOrder() {
    CapabilityView view = aggregate(ConflictResolution.PREFIX, List.of("gamma"));

    assertThat(view.resource("test://static/shared")).contains(new Route("gamma", "test://static/shared"));
    assertThat(names(view, CatalogKind.RESOURCES)).containsExactly("test://alpha/readme", "test://beta/notes",
      "test://static/shared", "test://gamma/status");
  }

  @Test
  void uriConflictGoesToCatalogOrderWithoutPriorityOrder() {
    CapabilityView view = aggregate(ConflictResolution.PREFIX, List.of());

    assertThat(view.resource("test://static/shared")).contains(new Route("alpha", "test://static/shared"));
    assertThat(names(view, CatalogKind.RESOURCES)).containsExactly("test://static/shared", "test://alpha/readme",
      "test://beta/notes", "test://gamma/status");
  }

  @Test
  void templateVariableMatchesOneSegment() {
    CapabilityView view = aggregate(ConflictResolution.PREFIX, List.of());

    assertThat(view.resource("test://template/123/data")).contains(new Route("beta", "test://template/123/data"));
    assertThat(view.resource("test://template/1/2/data")).isEmpty();
    assertThat(view.resource("test://template//data")).isEmpty();
  }

  @Test
  void exactResourceBeatsTemplate() {
    CapabilityView view = aggregate(ConflictResolution.PREFIX, List.of());

    assertThat(view.resource("test://static/shared")).contains(new Route("alpha", "test://static/shared"));
    assertThat(view.resource("test://static/other")).contains(new Route("gamma", "test://static/other"));
  }

  @Test
  void firstMatchingTemplateInViewOrderWins() {
    CapabilityView view = Aggregators.create(AggregationOptions.defaults()).aggregate(List.of(
      new BackendCatalog("wide", null, null, List.of(Fixtures.template("test://{+path}")), null),
      new BackendCatalog("narrow", null, null, List.of(Fixtures.template("test://narrow/{id}")), null)));

    assertThat(view.resource("test://narrow/1")).contains(new Route("wide", "test://narrow/1"));
    assertThat(view.resource("other://narrow/1")).isEmpty();
  }
}
