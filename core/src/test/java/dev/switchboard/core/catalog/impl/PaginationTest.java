package dev.switchboard.core.catalog.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merged list answers in pages, with opaque cursors bound to the view. */
class PaginationTest {

  private static CapabilityView view(int pageSize) {
    AggregationOptions options = new AggregationOptions(ConflictResolution.PREFIX, null, null, null, null, null,
      pageSize);
    return Aggregators.create(options).aggregate(Fixtures.threeBackends());
  }

  @Test
  void pagesCoverEveryItemOnceInOrder() {
    CapabilityView view = view(3);
    List<String> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      JsonObject page = view.page(CatalogKind.TOOLS, cursor);
      JsonArray tools = page.getJsonArray("tools");
      sizes.add(tools.size());
      tools.forEach(tool -> seen.add(((JsonObject) tool).getString("name")));
      cursor = page.getString("nextCursor");
    } while (cursor != null);

    assertThat(sizes).containsExactly(3, 3, 1);
    assertThat(seen).isEqualTo(Fixtures.names(view, CatalogKind.TOOLS));
  }

  @Test
  void lastPageHasNoNextCursor() {
    JsonObject page = view(100).page(CatalogKind.PROMPTS, null);

    assertThat(page.getJsonArray("prompts")).hasSize(3);
    assertThat(page.containsKey("nextCursor")).isFalse();
  }

  @Test
  void emptyKindAnswersAnEmptyList() {
    JsonObject page = Aggregators.create(AggregationOptions.defaults()).aggregate(List.of()).page(CatalogKind.TOOLS,
      null);

    assertThat(page).isEqualTo(new JsonObject().put("tools", new JsonArray()));
  }

  @Test
  void invalidCursorIsInvalidParams() {
    CapabilityView view = view(3);
    String valid = view.page(CatalogKind.TOOLS, null).getString("nextCursor");

    for (String cursor : List.of("not base64!", encode("garbage"), encode("v1:tools:" + view.fingerprint()
      .substring(0, 16) + ":99"), encode("v1:tools:" + view.fingerprint().substring(0, 16) + ":-3"),
      encode("v1:tools:0000000000000000:3"), "x".repeat(1000))) {
      assertThatThrownBy(() -> view.page(CatalogKind.TOOLS, cursor))
        .isInstanceOfSatisfying(McpException.class, e -> {
          assertThat(e.code()).isEqualTo(JsonRpcError.INVALID_PARAMS);
          assertThat(e.getMessage()).isEqualTo("Invalid cursor");
        });
    }
    assertThat(view.page(CatalogKind.TOOLS, valid).getJsonArray("tools")).hasSize(3);
  }

  @Test
  void cursorOfAnotherKindIsRejected() {
    CapabilityView view = view(1);
    String toolsCursor = view.page(CatalogKind.TOOLS, null).getString("nextCursor");

    assertThatThrownBy(() -> view.page(CatalogKind.PROMPTS, toolsCursor)).isInstanceOf(McpException.class);
  }

  @Test
  void cursorOfAnotherViewIsRejected() {
    String cursor = view(3).page(CatalogKind.TOOLS, null).getString("nextCursor");
    CapabilityView other = Aggregators.create(new AggregationOptions(ConflictResolution.PRIORITY, null, null, null,
      null, null, 3)).aggregate(Fixtures.threeBackends());

    assertThatThrownBy(() -> other.page(CatalogKind.TOOLS, cursor))
      .isInstanceOfSatisfying(McpException.class, e -> assertThat(e.code()).isEqualTo(JsonRpcError.INVALID_PARAMS));
  }

  private static String encode(String plain) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }
}
