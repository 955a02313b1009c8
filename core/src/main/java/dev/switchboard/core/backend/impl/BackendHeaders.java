package dev.switchboard.core.backend.impl;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headers of every request to one backend: the configured ones (credentials; their values never appear in
 * messages), then the MCP transport headers, which configuration cannot override.
 */
final class BackendHeaders {
  static final String SESSION_ID = "Mcp-Session-Id";
  static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
  static final String ACCEPT_BOTH = "application/json, text/event-stream";
  static final String JSON = "application/json";
  static final String EVENT_STREAM = "text/event-stream";
  static final String LAST_EVENT_ID = "Last-Event-ID";

  private static final String REDACTED = "***";
  /** A JWT, or the credential after "Bearer": tokens obtained per session (outgoing credentials) are not configured. */
  private static final Pattern TOKEN = Pattern.compile(
    "eyJ[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]{2,}\\.[A-Za-z0-9_-]*|(?i)(?<=bearer )[^\\s\"',;]+");
  private static final int MIN_SECRET_CHARS = 4;
  private static final int MIN_SECRET_PART_CHARS = 8;

  private final Map<String, String> configured;
  private final List<String> secrets;

  /**
   * @throws IllegalArgumentException naming the header (never its value) when a name is not an HTTP token or a value
   *                                  holds a control character
   */
  BackendHeaders(String backend, Map<String, String> configured) {
    configured.forEach((name, value) -> {
      if (!isToken(name)) {
        throw new IllegalArgumentException("backend '" + backend + "': invalid header name '"
          + FailureClassifier.snippet(name, 64) + "'");
      }
      if (value == null || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
        throw new IllegalArgumentException("backend '" + backend + "': invalid value for header '" + name + "'");
      }
    });
    this.configured = configured;
    this.secrets = secretsOf(configured);
  }

  /**
   * Sets the headers on a request.
   *
   * @param sessionId       the backend session id, or null
   * @param protocolVersion the negotiated MCP protocol version
   * @param post            true for a POST carrying a JSON-RPC message
   */
  void apply(RequestOptions request, String sessionId, String protocolVersion, boolean post) {
    configured.forEach(request::putHeader);
    if (post) {
      request.putHeader(HttpHeaders.CONTENT_TYPE, JSON).putHeader(HttpHeaders.ACCEPT, ACCEPT_BOTH);
    }
    if (sessionId != null) {
      request.putHeader(SESSION_ID, sessionId);
    }
    request.putHeader(PROTOCOL_VERSION, protocolVersion);
  }

  /**
   * Sets the headers of a GET that opens or resumes an event stream.
   *
   * @param lastEventId the last event id seen on the stream, or null or empty for a fresh stream
   */
  void applyStream(RequestOptions request, String sessionId, String protocolVersion, String lastEventId) {
    apply(request, sessionId, protocolVersion, false);
    request.putHeader(HttpHeaders.ACCEPT, EVENT_STREAM);
    if (lastEventId != null && !lastEventId.isEmpty()) {
      request.putHeader(LAST_EVENT_ID, lastEventId);
    }
  }

  /**
   * Replaces configured header values (and their long whitespace-separated parts, such as a bearer token), JWTs and
   * bearer credentials in text that came from the backend, in case it echoes them in an error body.
   */
  String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, REDACTED);
    }
    return TOKEN.matcher(out).replaceAll(REDACTED);
  }

  private static List<String> secretsOf(Map<String, String> configured) {
    Set<String> secrets = new HashSet<>();
    for (String value : configured.values()) {
      String trimmed = value.trim();
      if (trimmed.length() >= MIN_SECRET_CHARS) {
        secrets.add(trimmed);
      }
      for (String part : trimmed.split("\\s+")) {
        if (part.length() >= MIN_SECRET_PART_CHARS) {
          secrets.add(part);
        }
      }
    }
    List<String> longestFirst = new ArrayList<>(secrets);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    return List.copyOf(longestFirst);
  }

  /** MCP session ids use only visible ASCII (0x21 to 0x7E). */
  static boolean isValidSessionId(String sessionId) {
    return !sessionId.isEmpty() && sessionId.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
  }

  /** An event id can go back in {@code Last-Event-ID} when it is visible ASCII, spaces or tabs. */
  static boolean isSendableEventId(String id) {
    return !id.isEmpty() && id.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0x7e));
  }

  private static boolean isToken(String name) {
    return name != null && !name.isEmpty() && name.chars().allMatch(c -> c > 0x20 && c < 0x7f
      && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
  }
}
