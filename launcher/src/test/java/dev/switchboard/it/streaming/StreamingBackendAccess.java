package dev.switchboard.it.streaming;

import dev.switchboard.transport.kit.McpServerBuilder;

/** Lets tests in other packages build the streaming test backend. */
public final class StreamingBackendAccess {
  private StreamingBackendAccess() {
  }

  public static McpServerBuilder builder() {
    return new StreamingBackend().builder();
  }
}
