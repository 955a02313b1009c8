package dev.switchboard.core.impl;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.StreamMessage;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/**
 * Passes what a backend sends during a call (progress, log messages) on to the call's stream address. A call
 * without a stream address gets nothing relayed.
 */
final class StreamRelay {
  private final CoreBus bus;

  StreamRelay(CoreBus bus) {
    this.bus = bus;
  }

  Handler<JsonObject> forCall(CoreCall call) {
    String address = call.streamAddress();
    if (address == null) {
      return null;
    }
    return message -> bus.stream(address, new StreamMessage(message));
  }
}
