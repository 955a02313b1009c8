package dev.switchboard.core.impl;

import dev.switchboard.core.bus.CallEvent;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.backend.StreamObserver;
import io.vertx.core.json.JsonObject;

/**
 * Passes what a backend sends (progress, log messages, server-to-client requests, list changes) on to an event-bus
 * address. A server-to-client request gets a gateway-minted id ({@link ServerRequestIds}); the rest passes unchanged
 * (progress tokens need no rewriting: a backend session serves exactly one client session).
 */
final class StreamRelay {
  private final CoreBus bus;

  StreamRelay(CoreBus bus) {
    this.bus = bus;
  }

  /**
   * A handler relaying one backend's messages to a session's standalone address, and its pauses; null when there is
   * no address.
   */
  StreamObserver to(String address, String backend) {
    if (address == null) {
      return null;
    }
    return new StreamObserver() {
      @Override
      public void handle(JsonObject message) {
        bus.stream(address, StreamMessage.of(forClient(backend, message)));
      }

      @Override
      public void paused() {
        bus.stream(address, StreamMessage.paused());
      }
    };
  }

  /**
   * A handler relaying one backend's messages during a call back to its caller, on the call's one ordered path; null
   * when the caller cannot stream.
   */
  StreamObserver toCall(CoreCall call, String backend) {
    if (!call.streams()) {
      return null;
    }
    return new StreamObserver() {
      @Override
      public void handle(JsonObject message) {
        bus.callEvent(call, CallEvent.streamed(call, StreamMessage.of(forClient(backend, message))));
      }

      @Override
      public void paused() {
        bus.callEvent(call, CallEvent.streamed(call, StreamMessage.paused()));
      }
    };
  }

  static JsonObject forClient(String backend, JsonObject message) {
    if (!JsonRpc.isRequest(message)) {
      return message;
    }
    return message.copy().put("id", ServerRequestIds.mint(backend, message.getValue("id")));
  }
}
