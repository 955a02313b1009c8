package dev.switchboard.core.audit;

import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.Identity;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One audit line. Built from what the gateway knows of the request; holds no token, no result and the session only
 * as a short hash.
 *
 * @param timeMillis   when the request ended (epoch millis)
 * @param session      {@link #sessionHash} of the session id, or null
 * @param issuer       the caller's token issuer, or null without authentication
 * @param subject      the caller's subject, or null without authentication
 * @param client       the client's {@code clientInfo.name}, or null
 * @param clientVersion the client's {@code clientInfo.version}, or null
 * @param method       the MCP method, or {@code session/open}, {@code session/close}
 * @param name         the tool or prompt name, or resource URI, as the client sent it (null if none)
 * @param backend      the backend that served it, or null
 * @param outcome      ok, error, denied, timeout, unavailable, ...
 * @param durationMillis how long the gateway took
 * @param traceparent  the W3C trace context of the request, or null
 * @param arguments    the call's arguments, only when the audit log is configured to include them
 */
public record AuditEvent(long timeMillis, String session, String issuer, String subject, String client,
                         String clientVersion, String method, String name, String backend, String outcome,
                         long durationMillis, String traceparent, JsonObject arguments) {
  private static final String ANONYMOUS = Identity.ANONYMOUS.subject();

  /** An event about a session's request, with the caller and client taken from the session. */
  public static AuditEvent of(ClientSession session, String method, String name, String backend, String outcome,
                              long durationMillis, String traceparent, JsonObject arguments) {
    Identity identity = session == null ? null : session.identity();
    boolean known = identity != null && !ANONYMOUS.equals(identity.subject());
    JsonObject info = session == null ? null : session.clientInfo();
    return new AuditEvent(System.currentTimeMillis(), session == null ? null : sessionHash(session.sessionId()),
      known ? identity.issuer() : null, known ? identity.subject() : null,
      info == null ? null : info.getString("name"), info == null ? null : info.getString("version"),
      method, name, backend, outcome, durationMillis, traceparent, arguments);
  }

  /** The first 12 hex digits of the SHA-256 of a session id: enough to correlate lines, useless to hijack it. */
  public static String sessionHash(String sessionId) {
    if (sessionId == null) {
      return null;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON line (without the line break); {@code instance} names the gateway instance. */
  public JsonObject toJson(String instance) {
    JsonObject json = new JsonObject().put("time", Instant.ofEpochMilli(timeMillis).toString())
      .put("instance", instance);
    putIfSet(json, "session", session);
    if (subject != null) {
      json.put("identity", new JsonObject().put("iss", issuer).put("sub", subject));
    }
    if (client != null || clientVersion != null) {
      JsonObject c = new JsonObject();
      putIfSet(c, "name", client);
      putIfSet(c, "version", clientVersion);
      json.put("client", c);
    }
    json.put("method", method);
    putIfSet(json, "name", name);
    putIfSet(json, "backend", backend);
    json.put("outcome", outcome).put("durationMs", durationMillis);
    putIfSet(json, "traceparent", traceparent);
    if (arguments != null) {
      json.put("arguments", arguments);
    }
    return json;
  }

  private static void putIfSet(JsonObject json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
