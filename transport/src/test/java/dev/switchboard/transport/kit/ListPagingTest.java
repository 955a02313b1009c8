package dev.switchboard.transport.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListPagingTest extends McpServerTestBase {

  @Override
  protected McpServerBuilder configure(McpServerBuilder builder) {
    return builder.pageSize(3);
  }

  @Test
  void listsArePagedWithOpaqueCursors() throws Exception {
    startSession();
    List<String> names = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject params = cursor == null ? null : new JsonObject().put("cursor", cursor);
      JsonObject result = call("tools/list", params).result();
      result.getJsonArray("tools").forEach(t -> names.add(((JsonObject) t).getString("name")));
      cursor = result.getString("nextCursor");
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(names).containsExactly("echo", "progress", "sample", "log", "fail", "protocol_error", "hang");
  }

  @Test
  void invalidCursorIsInvalidParams() throws Exception {
    startSession();
    assertThat(call("tools/list", new JsonObject().put("cursor", "garbage!")).error().getInteger("code"))
      .isEqualTo(-32602);
  }
}
