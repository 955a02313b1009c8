package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.JsonObject;

/** Turns a JSON-RPC {@code error} a process answered into the failure the core expects. */
final class Errors {
  private Errors() {
  }

  /** An {@link McpException} with the backend's code, message and data; a malformed error is a protocol failure. */
  static RuntimeException fromResponse(String backend, Object error) {
    if (!(error instanceof JsonObject object) || !(object.getValue("code") instanceof Number code)) {
      return new BackendException(backend, BackendException.Kind.PROTOCOL, "malformed JSON-RPC error object");
    }
    Object message = object.getValue("message");
    return new McpException(code.intValue(), message == null ? "" : message.toString(), object.getValue("data"));
  }
}
