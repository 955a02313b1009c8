package dev.switchboard.transport.stateless;

import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.StatelessEnvelope;
import dev.switchboard.transport.streamable.HttpFailure;
import dev.switchboard.transport.streamable.JsonRpcMessage;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StatelessRequestTest {
  private static JsonObject meta() {
    return new JsonObject()
      .put(StatelessEnvelope.META_PROTOCOL_VERSION, "2026-07-28")
      .put(StatelessEnvelope.META_CLIENT_CAPABILITIES, new JsonObject().put("sampling", new JsonObject()))
      .put(StatelessEnvelope.META_CLIENT_INFO, new JsonObject().put("name", "t").put("version", "1"));
  }

  private static JsonRpcMessage request(String method, JsonObject params) {
    return JsonRpcMessage.parse(new JsonObject().put("jsonrpc", "2.0").put("id", 7).put("method", method)
      .put("params", params));
  }

  private static MultiMap headers(String version, String method, String name) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (version != null) {
      headers.add("MCP-Protocol-Version", version);
    }
    if (method != null) {
      headers.add("Mcp-Method", method);
    }
    if (name != null) {
      headers.add("Mcp-Name", name);
    }
    return headers;
  }

  private static HttpFailure rejected(MultiMap headers, JsonRpcMessage msg) {
    return catchThrowableOfType(HttpFailure.class, () -> StatelessRequest.of(headers, msg));
  }

  @Test
  void theEraIsTheBodysClaimOrAModernHeaderWithoutSession() {
    JsonRpcMessage claimed = request("tools/list", new JsonObject().put("_meta", meta()));
    JsonRpcMessage plain = request("tools/list", new JsonObject());
    assertThat(StatelessRequest.claims(headers(null, null, null), claimed)).isTrue();
    assertThat(StatelessRequest.claims(headers("2026-07-28", null, null), plain)).isTrue();
    assertThat(StatelessRequest.claims(headers("2099-01-01", null, null), plain)).isTrue();
    assertThat(StatelessRequest.claims(headers("2025-11-25", null, null), plain)).isFalse();
    assertThat(StatelessRequest.claims(headers("v999.0.0", null, null), plain)).isFalse();
    MultiMap withSession = headers("2026-07-28", null, null).add("Mcp-Session-Id", "abc");
    assertThat(StatelessRequest.claims(withSession, plain)).isFalse();
  }

  @Test
  void aValidRequestCarriesItsEnvelope() {
    StatelessRequest r = StatelessRequest.of(headers("2026-07-28", "tools/call", "echo"),
      request("tools/call", new JsonObject().put("name", "echo").put("_meta", meta()
        .put(StatelessEnvelope.META_LOG_LEVEL, "info"))));
    assertThat(r.id()).isEqualTo(7);
    assertThat(r.version()).isEqualTo("2026-07-28");
    assertThat(r.capabilities().containsKey("sampling")).isTrue();
    assertThat(r.clientInfo().getString("name")).isEqualTo("t");
    assertThat(r.logLevel()).isEqualTo("info");
  }

  @Test
  void aMissingEnvelopeKeyIsInvalidParamsWith400() {
    JsonObject noCapabilities = meta();
    noCapabilities.remove(StatelessEnvelope.META_CLIENT_CAPABILITIES);
    HttpFailure failure = rejected(headers("2026-07-28", "tools/list", null),
      request("tools/list", new JsonObject().put("_meta", noCapabilities)));
    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.jsonRpcCode()).isEqualTo(JsonRpcError.INVALID_PARAMS);
    assertThat(failure.data().toString()).contains(StatelessEnvelope.META_CLIENT_CAPABILITIES);
    assertThat(rejected(headers("2026-07-28", "tools/list", null), request("tools/list", new JsonObject()))
      .jsonRpcCode()).isEqualTo(JsonRpcError.INVALID_PARAMS);
  }

  @Test
  void headersThatDisagreeWithTheBodyAreHeaderMismatch() {
    JsonRpcMessage list = request("tools/list", new JsonObject().put("_meta", meta()));
    assertThat(rejected(headers("2025-11-25", "tools/list", null), list).jsonRpcCode())
      .isEqualTo(JsonRpcError.HEADER_MISMATCH);
    assertThat(rejected(headers(null, "tools/list", null), list).jsonRpcCode())
      .isEqualTo(JsonRpcError.HEADER_MISMATCH);
    assertThat(rejected(headers("2026-07-28", "prompts/list", null), list).jsonRpcCode())
      .isEqualTo(JsonRpcError.HEADER_MISMATCH);
    assertThat(rejected(headers("2026-07-28", null, null), list).status()).isEqualTo(400);
    JsonRpcMessage call = request("tools/call", new JsonObject().put("name", "echo").put("_meta", meta()));
    assertThat(rejected(headers("2026-07-28", "tools/call", "other"), call).jsonRpcCode())
      .isEqualTo(JsonRpcError.HEADER_MISMATCH);
    assertThat(rejected(headers("2026-07-28", "tools/call", null), call).jsonRpcCode())
      .isEqualTo(JsonRpcError.HEADER_MISMATCH);
  }

  @Test
  void headerValuesAreTrimmedAndTheNameMayBeBase64() {
    JsonRpcMessage call = request("tools/call", new JsonObject().put("name", "höhe").put("_meta", meta()));
    String encoded = "=?base64?" + Base64.getEncoder().encodeToString("höhe".getBytes(StandardCharsets.UTF_8)) + "?=";
    assertThat(StatelessRequest.of(headers(" 2026-07-28\t", " tools/call ", encoded), call).method())
      .isEqualTo("tools/call");
    assertThat(rejected(headers("2026-07-28", "tools/call", "=?base64?@@@?="), call).jsonRpcCode())
      .isEqualTo(JsonRpcError.HEADER_MISMATCH);
  }

  @Test
  void anUnsupportedVersionNamesTheSupportedOnes() {
    JsonRpcMessage discover = request("server/discover", new JsonObject().put("_meta",
      meta().put(StatelessEnvelope.META_PROTOCOL_VERSION, "v999.0.0")));
    HttpFailure failure = rejected(headers("v999.0.0", "server/discover", null), discover);
    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.jsonRpcCode()).isEqualTo(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION);
    assertThat(failure.data()).isEqualTo(new JsonObject().put("supported", new JsonArray()
      .add("2026-07-28")).put("requested", "v999.0.0"));
  }

  @Test
  void theSessionErasHandshakeUnderAStatelessHeaderIsHeaderMismatch() {
    JsonRpcMessage initialize = request("initialize", new JsonObject().put("protocolVersion", "2025-11-25"));
    assertThat(StatelessRequest.claims(headers("2026-07-28", null, null), initialize)).isTrue();
    HttpFailure failure = rejected(headers("2026-07-28", "initialize", null), initialize);
    assertThat(failure.status()).isEqualTo(400);
    assertThat(failure.jsonRpcCode()).isEqualTo(JsonRpcError.HEADER_MISMATCH);
  }

  @Test
  void aBatchClaimingTheStatelessEraIsSeen() {
    JsonRpcMessage claimed = request("tools/list", new JsonObject().put("_meta", meta()));
    JsonRpcMessage plain = request("tools/list", new JsonObject());
    assertThat(StatelessRequest.anyClaims(List.of(plain, claimed))).isTrue();
    assertThat(StatelessRequest.anyClaims(List.of(plain))).isFalse();
  }

  @Test
  void removedAndUnknownMethodsAre404MethodNotFound() {
    for (String method : new String[] {"initialize", "ping", "logging/setLevel", "resources/subscribe",
      "resources/unsubscribe", "unknown/method"}) {
      HttpFailure failure = rejected(headers("2026-07-28", method, null),
        request(method, new JsonObject().put("_meta", meta())));
      assertThat(failure.status()).as(method).isEqualTo(404);
      assertThat(failure.jsonRpcCode()).as(method).isEqualTo(JsonRpcError.METHOD_NOT_FOUND);
    }
  }
}
