package dev.switchboard.core.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Zero-copy codec for messages that never leave the JVM: local delivery hands over the same immutable object.
 * Encoding for the wire is refused; always send with {@code setLocalOnly(true)}.
 */
public final class LocalCodec<T> implements MessageCodec<T, T> {
  private final Class<T> type;

  public LocalCodec(Class<T> type) {
    this.type = type;
  }

  @Override
  public void encodeToWire(Buffer buffer, T t) {
    throw new IllegalStateException(type.getSimpleName() + " is local-only and cannot cross the cluster");
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    throw new IllegalStateException(type.getSimpleName() + " is local-only and cannot cross the cluster");
  }

  @Override
  public T transform(T t) {
    return t;
  }

  @Override
  public String name() {
    return "switchboard.local." + type.getName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
