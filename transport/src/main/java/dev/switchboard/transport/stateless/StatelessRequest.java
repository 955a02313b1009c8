package dev.switchboard.transport.stateless;

import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.core.protocol.StatelessEnvelope;
import dev.switchboard.transport.streamable.HttpFailure;
import dev.switchboard.transport.streamable.JsonRpcMessage;
import dev.switchboard.transport.streamable.McpHeaders;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * One stateless-era (MCP 2026-07-28) request, validated: the {@code _meta} envelope (-32602), the
 * {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} headers against the body (-32020), the
 * version (-32022), then the method (-32601, HTTP 404). Each rejection is an {@link HttpFailure} with its HTTP status
 * and the error's {@code data}; the caller answers it with the request's id.
 *
 * @param id           the JSON-RPC id
 * @param method       the method
 * @param params       the params as sent (with {@code _meta})
 * @param version      the protocol version the request names
 * @param capabilities the client capabilities it declares
 * @param clientInfo   the client's identity, or an empty object
 * @param logLevel     the least severe log level the client wants for this request, or null for none
 */
public record StatelessRequest(Object id, String method, JsonObject params, String version, JsonObject capabilities,
                               JsonObject clientInfo, String logLevel) {

  /** The methods the gateway serves in the stateless era. */
  static final Set<String> METHODS = Set.of(McpMethod.SERVER_DISCOVER, McpMethod.TOOLS_LIST, McpMethod.TOOLS_CALL,
    McpMethod.RESOURCES_LIST, McpMethod.RESOURCES_TEMPLATES_LIST, McpMethod.RESOURCES_READ, McpMethod.PROMPTS_LIST,
    McpMethod.PROMPTS_GET, McpMethod.COMPLETION_COMPLETE, McpMethod.SUBSCRIPTIONS_LISTEN);

  private static final String SENTINEL_PREFIX = "=?base64?";
  private static final String SENTINEL_SUFFIX = "?=";

  /**
   * True when a POSTed message belongs to the stateless era: its {@code _meta} names a protocol version, or, without
   * that claim and without a session, the {@code MCP-Protocol-Version} header names the stateless era (the envelope is
   * then missing: -32602). Everything else is the session era.
   */
  public static boolean claims(MultiMap headers, JsonRpcMessage msg) {
    if (msg.kind() == JsonRpcMessage.Kind.RESPONSE) {
      return false;
    }
    if (claimedInBody(msg)) {
      return true;
    }
    return headers.get(McpHeaders.SESSION_ID) == null
      && ProtocolVersion.isModernEra(trim(headers.get(McpHeaders.PROTOCOL_VERSION)));
  }

  /** Validates a request of the stateless era ({@link #claims}); throws {@link HttpFailure}. */
  public static StatelessRequest of(MultiMap headers, JsonRpcMessage msg) {
    JsonObject params = msg.params() == null ? new JsonObject() : msg.params();
    JsonObject meta = meta(params);
    if (McpMethod.INITIALIZE.equals(msg.method()) && (meta == null || !meta.containsKey(
      StatelessEnvelope.META_PROTOCOL_VERSION))) {
      // the session era's handshake under a stateless version header
      throw mismatch(McpHeaders.PROTOCOL_VERSION, trim(headers.get(McpHeaders.PROTOCOL_VERSION)), "initialize");
    }
    List<String> missing = new ArrayList<>();
    if (meta == null) {
      missing.add("_meta");
    } else {
      if (!(meta.getValue(StatelessEnvelope.META_PROTOCOL_VERSION) instanceof String)) {
        missing.add(StatelessEnvelope.META_PROTOCOL_VERSION);
      }
      if (!(meta.getValue(StatelessEnvelope.META_CLIENT_CAPABILITIES) instanceof JsonObject)) {
        missing.add(StatelessEnvelope.META_CLIENT_CAPABILITIES);
      }
    }
    if (!missing.isEmpty()) {
      throw new HttpFailure(400, JsonRpcError.INVALID_PARAMS, "Invalid params: the request's _meta must carry "
        + String.join(" and ", missing) + " (protocol revision " + ProtocolVersion.V2026_07_28 + ")",
        new JsonObject().put("envelope", new JsonObject().put("missing", new JsonArray(missing))));
    }
    String version = meta.getString(StatelessEnvelope.META_PROTOCOL_VERSION);
    String header = trim(headers.get(McpHeaders.PROTOCOL_VERSION));
    if (!version.equals(header)) {
      throw mismatch(McpHeaders.PROTOCOL_VERSION, header, version);
    }
    String methodHeader = trim(headers.get(StatelessEnvelope.METHOD_HEADER));
    if (!msg.method().equals(methodHeader)) {
      throw mismatch(StatelessEnvelope.METHOD_HEADER, methodHeader, msg.method());
    }
    if (!ProtocolVersion.isModern(version)) {
      throw new HttpFailure(400, JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version: "
        + version, new JsonObject().put("supported", new JsonArray(ProtocolVersion.MODERN)).put("requested", version));
    }
    String named = StatelessEnvelope.nameOf(msg.method(), params);
    if (named != null) {
      String nameHeader = decodeName(trim(headers.get(StatelessEnvelope.NAME_HEADER)));
      if (!named.equals(nameHeader)) {
        throw mismatch(StatelessEnvelope.NAME_HEADER, nameHeader, named);
      }
    }
    if (msg.kind() == JsonRpcMessage.Kind.REQUEST && !METHODS.contains(msg.method())) {
      throw new HttpFailure(404, JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + msg.method());
    }
    Object info = meta.getValue(StatelessEnvelope.META_CLIENT_INFO);
    Object level = meta.getValue(StatelessEnvelope.META_LOG_LEVEL);
    return new StatelessRequest(msg.id(), msg.method(), params, version, meta.getJsonObject(StatelessEnvelope.META_CLIENT_CAPABILITIES),
      info instanceof JsonObject object ? object : new JsonObject(), level instanceof String text ? text : null);
  }

  private static HttpFailure mismatch(String header, String sent, String body) {
    String message = sent == null ? "Header mismatch: the " + header + " header is required"
      : "Header mismatch: " + header + " does not match the request body";
    JsonObject data = new JsonObject().put("mismatch", new JsonObject().put("header", header).put("body", body));
    return new HttpFailure(400, JsonRpcError.HEADER_MISMATCH, message, data);
  }

  /** The value of {@code Mcp-Name}, decoded when it is the base64 sentinel; null when malformed. */
  static String decodeName(String value) {
    if (value == null || !value.startsWith(SENTINEL_PREFIX) || !value.endsWith(SENTINEL_SUFFIX)
      || value.length() < SENTINEL_PREFIX.length() + SENTINEL_SUFFIX.length()) {
      return value;
    }
    String encoded = value.substring(SENTINEL_PREFIX.length(), value.length() - SENTINEL_SUFFIX.length());
    try {
      return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The request as a parked call keeps it: the params reduced to what names the tool, prompt or resource (the
   * arguments and the answers are not needed any more, and may be large).
   */
  StatelessRequest parked() {
    JsonObject kept = new JsonObject();
    for (String field : new String[] {"name", "uri"}) {
      if (params.containsKey(field)) {
        kept.put(field, params.getValue(field));
      }
    }
    return new StatelessRequest(id, method, kept, version, capabilities, clientInfo, logLevel);
  }

  /** True when any element of a batch claims the stateless era (batches do not exist there: -32600). */
  public static boolean anyClaims(List<Object> batch) {
    return batch.stream().anyMatch(element -> element instanceof JsonRpcMessage msg && claimedInBody(msg));
  }

  /** True when a message's {@code _meta} names a protocol version (the stateless era's claim). */
  private static boolean claimedInBody(JsonRpcMessage msg) {
    JsonObject meta = meta(msg.params());
    return meta != null && meta.containsKey(StatelessEnvelope.META_PROTOCOL_VERSION);
  }

  /** A header value without surrounding spaces and tabs (HTTP's optional whitespace), or null. */
  static String trim(String value) {
    if (value == null) {
      return null;
    }
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return value.substring(start, end);
  }

  private static JsonObject meta(JsonObject params) {
    return params != null && params.getValue("_meta") instanceof JsonObject meta ? meta : null;
  }
}
