package dev.switchboard.session;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.HashMap;

/**
 * What the store keeps of one client session. Immutable; the {@code with*} methods return changed copies.
 *
 * @param id                 the gateway session id ({@code MCP-Session-Id})
 * @param state              pending or active
 * @param protocolVersion    the negotiated protocol version
 * @param issuer             identity binding: token issuer ({@code anonymous} without auth)
 * @param subject            identity binding: token subject
 * @param clientInfo         the client's {@code clientInfo}
 * @param clientCapabilities the client's {@code capabilities}
 * @param viewFingerprint    fingerprint of the session's capability view (null while pending)
 * @param backendSessions    backend name to backend session id
 * @param logLevel           the level set by {@code logging/setLevel}, or null
 * @param createdAt          epoch millis
 */
public record SessionRecord(String id, SessionState state, String protocolVersion, String issuer, String subject,
                            JsonObject clientInfo, JsonObject clientCapabilities, String viewFingerprint,
                            Map<String, String> backendSessions, String logLevel, long createdAt) {

  public SessionRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
    clientInfo = clientInfo == null ? new JsonObject() : clientInfo;
    clientCapabilities = clientCapabilities == null ? new JsonObject() : clientCapabilities;
    backendSessions = backendSessions == null ? Map.of() : Map.copyOf(backendSessions);
  }

  /** A new pending record. */
  public static SessionRecord pending(String id, String protocolVersion, String issuer, String subject,
                                      JsonObject clientInfo, JsonObject clientCapabilities, long now) {
    return new SessionRecord(id, SessionState.PENDING, protocolVersion, issuer, subject, clientInfo,
      clientCapabilities, null, Map.of(), null, now);
  }

  public SessionRecord activated(String viewFingerprint, Map<String, String> backendSessions) {
    return new SessionRecord(id, SessionState.ACTIVE, protocolVersion, issuer, subject, clientInfo, clientCapabilities,
      viewFingerprint, backendSessions, logLevel, createdAt);
  }

  public SessionRecord withBackendSessions(Map<String, String> backendSessions) {
    return new SessionRecord(id, state, protocolVersion, issuer, subject, clientInfo, clientCapabilities,
      viewFingerprint, backendSessions, logLevel, createdAt);
  }

  public SessionRecord withLogLevel(String logLevel) {
    return new SessionRecord(id, state, protocolVersion, issuer, subject, clientInfo, clientCapabilities,
      viewFingerprint, backendSessions, logLevel, createdAt);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
      .put("id", id)
      .put("state", state.name())
      .put("protocolVersion", protocolVersion)
      .put("issuer", issuer)
      .put("subject", subject)
      .put("clientInfo", clientInfo)
      .put("clientCapabilities", clientCapabilities)
      .put("backendSessions", new JsonObject(Map.copyOf(backendSessions)))
      .put("createdAt", createdAt);
    if (viewFingerprint != null) {
      json.put("viewFingerprint", viewFingerprint);
    }
    if (logLevel != null) {
      json.put("logLevel", logLevel);
    }
    return json;
  }

  /** @throws IllegalArgumentException when the JSON is not a session record */
  public static SessionRecord fromJson(JsonObject json) {
    try {
      JsonObject backends = json.getJsonObject("backendSessions", new JsonObject());
      Map<String, String> backendSessions = new HashMap<>();
      backends.forEach(e -> backendSessions.put(e.getKey(), String.valueOf(e.getValue())));
      return new SessionRecord(json.getString("id"), SessionState.valueOf(json.getString("state")),
        json.getString("protocolVersion"), json.getString("issuer"), json.getString("subject"),
        json.getJsonObject("clientInfo"), json.getJsonObject("clientCapabilities"), json.getString("viewFingerprint"),
        backendSessions, json.getString("logLevel"), json.getLong("createdAt", 0L));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a session record: " + e.getMessage(), e);
    }
  }
}
