package dev.switchboard.transport.stateless;

import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's own {@code requestState}: a JSON payload signed with HMAC-SHA256, {@code v1.<payload>.<mac>} (both
 * base64url). A state whose signature does not verify, that is malformed, or whose expiry ({@code exp}, epoch
 * milliseconds, in the payload) has passed is refused with -32602 "Invalid or expired requestState". What the payload
 * is bound to (the caller, the request, the parked call) is checked by its user.
 */
public final class RequestStates {
  private static final String PREFIX = "v1.";
  private static final String ALGORITHM = "HmacSHA256";
  /** The shortest configured key accepted. */
  public static final int MIN_KEY_LENGTH = 32;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  /** @param configuredKey the shared key (at least {@value #MIN_KEY_LENGTH} characters), or null for a random one */
  public RequestStates(String configuredKey) {
    byte[] bytes;
    if (configuredKey == null) {
      bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
    } else {
      if (configuredKey.length() < MIN_KEY_LENGTH) {
        throw new IllegalArgumentException("the request-state key needs at least " + MIN_KEY_LENGTH + " characters");
      }
      bytes = configuredKey.getBytes(StandardCharsets.UTF_8);
    }
    this.key = new SecretKeySpec(bytes, ALGORITHM);
  }

  /** Signs a payload that carries its expiry as {@code exp}. */
  public String seal(JsonObject payload) {
    String body = ENCODER.encodeToString(payload.toBuffer().getBytes());
    return PREFIX + body + "." + ENCODER.encodeToString(mac(body));
  }

  /** The payload of a state this gateway signed and that has not expired; -32602 otherwise. */
  public JsonObject open(Object state, long nowMillis) {
    if (!(state instanceof String text) || !text.startsWith(PREFIX)) {
      throw invalid();
    }
    int dot = text.indexOf('.', PREFIX.length());
    if (dot < 0) {
      throw invalid();
    }
    String body = text.substring(PREFIX.length(), dot);
    byte[] signature;
    JsonObject payload;
    try {
      signature = DECODER.decode(text.substring(dot + 1));
      if (!MessageDigest.isEqual(signature, mac(body))) {
        throw invalid();
      }
      payload = new JsonObject(new String(DECODER.decode(body), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | DecodeException e) {
      throw invalid();
    }
    if (!(payload.getValue("exp") instanceof Number exp) || exp.longValue() < nowMillis) {
      throw invalid();
    }
    return payload;
  }

  /** The error for a state that cannot be used. */
  public static McpException invalid() {
    return new McpException(JsonRpcError.INVALID_PARAMS, "Invalid or expired requestState",
      new JsonObject().put("reason", "invalid_request_state"));
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
