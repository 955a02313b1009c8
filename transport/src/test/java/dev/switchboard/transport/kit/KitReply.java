package dev.switchboard.transport.kit;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** A complete HTTP answer from the server under test. */
record KitReply(int status, MultiMap headers, String body) {
  String contentType() {
    return headers.get("content-type");
  }

  boolean isSse() {
    return contentType() != null && contentType().startsWith("text/event-stream");
  }

  List<KitEvent> events() {
    return KitEventReader.parseAll(body);
  }

  /** The JSON body, or for SSE the last event carrying a JSON-RPC response. */
  JsonObject message() {
    if (!isSse()) {
      return new JsonObject(body);
    }
    List<KitEvent> events = events();
    for (int i = events.size() - 1; i >= 0; i--) {
      KitEvent event = events.get(i);
      if (!event.data().isEmpty() && !event.json().containsKey("method")) {
        return event.json();
      }
    }
    throw new AssertionError("No response event in " + body);
  }

  JsonObject result() {
    JsonObject message = message();
    if (!message.containsKey("result")) {
      throw new AssertionError("Expected a result, got " + message.encode());
    }
    return message.getJsonObject("result");
  }

  JsonObject error() {
    JsonObject message = message();
    if (!message.containsKey("error")) {
      throw new AssertionError("Expected an error, got " + message.encode());
    }
    return message.getJsonObject("error");
  }
}
