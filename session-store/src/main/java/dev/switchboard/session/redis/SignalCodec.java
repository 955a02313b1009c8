package dev.switchboard.session.redis;

import dev.switchboard.session.SessionSignals.Signal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** {@link Signal}s on the wire: {@code {"sessionId":..,"type":..,"body":{..}}}. */
final class SignalCodec {

  private SignalCodec() {
  }

  static String encode(Signal signal) {
    return new JsonObject()
      .put("sessionId", signal.sessionId())
      .put("type", signal.type())
      .put("body", signal.body() == null ? new JsonObject() : signal.body())
      .encode();
  }

  /** @throws IllegalArgumentException when the payload is not a signal */
  static Signal decode(Buffer payload) {
    try {
      JsonObject json = new JsonObject(payload);
      String type = json.getString("type");
      if (type == null) {
        throw new IllegalArgumentException("no type");
      }
      JsonObject body = json.getJsonObject("body");
      return new Signal(json.getString("sessionId"), type, body == null ? new JsonObject() : body);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a signal: " + e.getMessage(), e);
    }
  }
}
