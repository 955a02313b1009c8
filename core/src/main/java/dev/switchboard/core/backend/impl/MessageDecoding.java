package dev.switchboard.core.backend.impl;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.json.ExactJsonCodec;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.Locale;

/** Small helpers for JSON-RPC messages read from a backend: decoding, content types, delivery to a handler. */
final class MessageDecoding {
  private static final System.Logger LOG = System.getLogger(MessageDecoding.class.getName());

  private MessageDecoding() {
  }

  /**
   * Decodes one JSON object or throws PROTOCOL naming {@code what} was not one; a result object stays the bytes it
   * came in until something reads it ({@link ExactJsonCodec#decodeMessage}).
   */
  static JsonObject decode(String backend, Buffer body, String what) {
    Object value;
    try {
      value = ExactJsonCodec.decodeMessage(body);
    } catch (DecodeException e) {
      throw new BackendException(backend, BackendException.Kind.PROTOCOL, what + " is not valid JSON", e);
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw FailureClassifier.protocol(backend, what + " is not a JSON object");
  }

  /** Passes a message to {@code onMessage} (if any), logging rather than propagating what the handler throws. */
  static void deliver(String backend, Handler<JsonObject> onMessage, JsonObject message) {
    if (onMessage == null) {
      return;
    }
    try {
      onMessage.handle(message);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "backend '" + backend + "': onMessage handler failed for '"
        + FailureClassifier.snippet(String.valueOf(message.getValue("method")), 64) + "'", e);
    }
  }

  /** The lower-case media type of a {@code Content-Type} value, without parameters; {@code ""} for none. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
