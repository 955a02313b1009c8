package dev.switchboard.core.backend.impl;

import dev.switchboard.core.backend.BackendStream;
import io.vertx.core.Future;

/** The standalone stream of a backend that offers none: closed from the start. */
record NoStream(String backend, String sessionId) implements BackendStream {
  @Override
  public boolean supported() {
    return false;
  }

  @Override
  public boolean isClosed() {
    return true;
  }

  @Override
  public Future<Void> closed() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
