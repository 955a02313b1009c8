package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException.Kind;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON-RPC ids: the caller's own ids are sent and matched; generated ids are prefixed strings. */
class RequestIdTest extends BackendClientTestBase {
  private static final JsonObject ARGS = new JsonObject().put("name", "add");

  @Test
  void explicitStringIdIsSentAndMatched() throws Exception {
    JsonObject result = await(client().request(FakeBackend.SESSION_ID, "client-7", "tools/call", ARGS, null));

    assertThat(result).isEqualTo(new JsonObject().put("echo", "tools/call"));
    assertThat(backend.received().get(0).body().getValue("id")).isEqualTo("client-7");
  }

  @Test
  void explicitNumericIdIsSentAndMatchedWhateverItsIntegerType() throws Exception {
    backend.on("tools/call", (request, response) -> FakeBackend.json(response, JsonRpc.response(
      ((Number) request.body().getValue("id")).intValue(), new JsonObject().put("n", 1))));

    JsonObject result = await(client().request(FakeBackend.SESSION_ID, 42L, "tools/call", ARGS, null));

    assertThat(result).isEqualTo(new JsonObject().put("n", 1));
    assertThat(((Number) backend.received().get(0).body().getValue("id")).longValue()).isEqualTo(42L);
  }

  @Test
  void explicitIdAnsweredWithAnotherTypeFailsWithProtocol() throws Exception {
    backend.on("tools/call", (request, response) ->
      FakeBackend.json(response, JsonRpc.response("42", new JsonObject())));

    backendFailure(client().request(FakeBackend.SESSION_ID, 42, "tools/call", ARGS, null), Kind.PROTOCOL);
  }

  @Test
  void explicitIdThatIsNeitherStringNorIntegerIsRefused() throws Exception {
    BackendClient client = client();

    assertThat(failure(client.request(FakeBackend.SESSION_ID, 1.5, "tools/call", ARGS, null)))
      .isInstanceOf(IllegalArgumentException.class);
    assertThat(failure(client.request(FakeBackend.SESSION_ID, null, "tools/call", ARGS, null)))
      .isInstanceOf(IllegalArgumentException.class);
    assertThat(backend.received()).isEmpty();
  }

  @Test
  void generatedIdsArePrefixedStringsUniquePerClient() throws Exception {
    BackendClient client = client();
    await(client.open(CLIENT_INFO, new JsonObject()));
    await(client.request(FakeBackend.SESSION_ID, "tools/list", null));
    await(client.request(FakeBackend.SESSION_ID, "tools/list", null));

    List<Object> ids = backend.received().stream().filter(r -> JsonRpc.isRequest(r.body()))
      .map(r -> r.body().getValue("id")).toList();
    // the revision probe, initialize and the two requests
    assertThat(ids).hasSize(4).doesNotHaveDuplicates().allSatisfy(id ->
      assertThat(id).asString().matches("sb-[0-9a-z]{8}-\\d+"));
    String prefix = ((String) ids.get(0)).substring(0, 12);
    assertThat(ids).allSatisfy(id -> assertThat((String) id).startsWith(prefix));
  }

  @Test
  void idsMatchAcrossIntegerTypes() {
    assertThat(RequestIds.matches(7L, 7)).isTrue();
    assertThat(RequestIds.matches(7, BigInteger.valueOf(7))).isTrue();
    assertThat(RequestIds.matches(7, 7.0)).isFalse();
    assertThat(RequestIds.matches("7", 7)).isFalse();
  }
}
