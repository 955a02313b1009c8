package dev.switchboard.core.backend.pipe;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads newline-delimited lines from a pipe on a dedicated thread (never an event loop). A line longer than the limit
 * is reported and skipped up to its end; a trailing {@code \r} is removed; empty lines are skipped.
 */
final class LineReader implements Runnable {
  /** Where lines go; may block the reading thread (that is the back-pressure on the process). */
  interface Sink {
    void line(Buffer line) throws InterruptedException;

    void tooLong(long bytes);

    void ended(IOException failure);
  }

  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final int maxLineBytes;
  private final Sink sink;
  private byte[] line = new byte[1024];
  private int length;
  private long skipped = -1;

  LineReader(InputStream in, int maxLineBytes, Sink sink) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.sink = sink;
  }

  @Override
  public void run() {
    byte[] chunk = new byte[CHUNK];
    try {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (chunk[i] == '\n') {
            append(chunk, start, i - start);
            endLine();
            start = i + 1;
          }
        }
        append(chunk, start, n - start);
      }
      sink.ended(null);
    } catch (IOException e) {
      sink.ended(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sink.ended(null);
    }
  }

  private void append(byte[] bytes, int offset, int count) {
    if (count == 0) {
      return;
    }
    if (skipped >= 0) {
      skipped += count;
      return;
    }
    if (length + count > maxLineBytes) {
      skipped = (long) length + count;
      length = 0;
      return;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + count)));
    }
    System.arraycopy(bytes, offset, line, length, count);
    length += count;
  }

  private void endLine() throws InterruptedException {
    if (skipped >= 0) {
      sink.tooLong(skipped);
      skipped = -1;
      return;
    }
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    length = 0;
    if (end > 0) {
      sink.line(Buffer.buffer(Arrays.copyOf(line, end)));
    }
    if (line.length > CHUNK) {
      line = new byte[1024];
    }
  }
}
