package dev.switchboard.transport.streamable;

import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed POST body: one JSON-RPC message, or a batch (2025-03-26 sessions only). A batch keeps each element's own
 * verdict, so an invalid element gets its own error response in the batch's answer (JSON-RPC 2.0, section 6) and does
 * not fail its neighbours.
 *
 * @param single the message of a non-batch body, else null
 * @param batch  the elements of a batch, in order, else null: each a {@link JsonRpcMessage} or the
 *               {@link McpException} that rejects it
 */
public record PostBody(JsonRpcMessage single, List<Object> batch) {

  /**
   * Classifies a parsed body; a single message that is not valid is rejected as a whole (400), and so is a batch
   * larger than {@code maxBatchSize}.
   */
  static PostBody of(Object value, int maxBatchSize) {
    if (value instanceof JsonArray array) {
      if (array.isEmpty()) {
        throw new JsonRpcMessage.InvalidMessage(null, "Invalid Request: empty batch");
      }
      if (array.size() > maxBatchSize) {
        throw new JsonRpcMessage.InvalidMessage(null, "Invalid Request: a batch holds at most " + maxBatchSize
          + " messages");
      }
      List<Object> elements = new ArrayList<>(array.size());
      for (Object element : array) {
        elements.add(element(element));
      }
      return new PostBody(null, elements);
    }
    if (!(value instanceof JsonObject)) {
      throw new JsonRpcMessage.InvalidMessage(null, "Invalid Request: a JSON-RPC message must be an object");
    }
    JsonRpcMessage msg = JsonRpcMessage.parse(value);
    if (McpMethod.INITIALIZE.equals(msg.method()) && msg.kind() != JsonRpcMessage.Kind.REQUEST) {
      throw new JsonRpcMessage.InvalidMessage(null, "Invalid Request: initialize must be a request");
    }
    return new PostBody(msg, null);
  }

  private static Object element(Object value) {
    try {
      JsonRpcMessage msg = JsonRpcMessage.parse(value);
      if (McpMethod.INITIALIZE.equals(msg.method())) {
        return new JsonRpcMessage.InvalidMessage(msg.id(), "Invalid Request: initialize must not be in a batch");
      }
      return msg;
    } catch (McpException rejected) {
      return rejected;
    }
  }

  /** True for a single {@code initialize} request, which needs no session. */
  public boolean isInitialize() {
    return single != null && single.kind() == JsonRpcMessage.Kind.REQUEST
      && McpMethod.INITIALIZE.equals(single.method());
  }
}
