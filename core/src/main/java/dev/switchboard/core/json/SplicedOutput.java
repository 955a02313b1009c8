package dev.switchboard.core.json;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@link ExactJsonCodec} writes a message: what the generator writes goes to a buffer, and a raw object's bytes
 * are spliced in. A large raw object ({@link #SPLICE_BYTES} or more) is not copied: the result is then a composite
 * buffer over the written parts and the raw bytes themselves, which the network layer copies once, as it copies any
 * heap buffer. A small one is copied, since a composite costs more than a short copy.
 *
 * <p>The parts are unreleasable views: writing or releasing the result never frees the bytes of a raw object, which
 * may be written again (resent, replayed from the event log).
 */
final class SplicedOutput extends OutputStream {
  /** A raw object at least this long is referenced, not copied. */
  static final int SPLICE_BYTES = 8 * 1024;

  private final List<ByteBuf> parts = new ArrayList<>(3);
  private Buffer current;

  /** An output whose first buffer has room for {@code initialCapacity} bytes. */
  SplicedOutput(int initialCapacity) {
    this.current = Buffer.buffer(initialCapacity);
  }

  @Override
  public void write(int b) {
    current.appendByte((byte) b);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    current.appendBytes(bytes, offset, length);
  }

  /** Adds a raw object's bytes after what was written so far (flush the generator first). */
  void splice(Buffer raw) {
    if (raw.length() < SPLICE_BYTES) {
      current.appendBuffer(raw);
      return;
    }
    parts.add(view(current));
    parts.add(view(raw));
    current = Buffer.buffer(64);
  }

  /** Everything written and spliced, in order. */
  Buffer result() {
    if (parts.isEmpty()) {
      return current;
    }
    parts.add(view(current));
    return BufferInternal.buffer(Unpooled.wrappedBuffer(parts.toArray(new ByteBuf[0])));
  }

  private static ByteBuf view(Buffer buffer) {
    return Unpooled.unreleasableBuffer(((BufferInternal) buffer).getByteBuf());
  }
}
