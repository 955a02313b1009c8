package dev.switchboard.core.backend.impl;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An incremental parser for a {@code text/event-stream} body, following the WHATWG "event stream interpretation":
 * lines end with CRLF, LF or CR (also when the pair is split across chunks); {@code data:} lines accumulate,
 * {@code event:} sets the type, {@code id:} the last event id, {@code retry:} the reconnection time, lines starting
 * with {@code :} are comments and a blank line dispatches the event. Chunks may split lines and UTF-8 characters
 * anywhere. An event whose data buffer is empty is not dispatched; an unterminated event at the end is discarded.
 *
 * <p>Lines are split and matched as bytes (the delimiters are ASCII, which never occurs inside a UTF-8 sequence).
 * Event data stays bytes, so a JSON-RPC message is parsed from what the stream carried, without a round trip through
 * a {@code String}. Only {@code event:} and {@code id:} values are decoded (UTF-8, malformed sequences replaced).
 *
 * <p>Not thread-safe: feed one stream from one thread. A line or event larger than the limit fails with
 * {@link IllegalStateException}.
 */
public final class SseParser {
  private static final byte LF = '\n';
  private static final byte CR = '\r';
  private static final byte[] DATA = {'d', 'a', 't', 'a'};
  private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
  private static final byte[] ID = {'i', 'd'};
  private static final byte[] RETRY = {'r', 'e', 't', 'r', 'y'};
  /** The most digits of a {@code retry:} value read (more could overflow a long). */
  private static final int MAX_RETRY_DIGITS = 18;

  private final Consumer<SseEvent> sink;
  private final int maxEventBytes;
  /** The line being read: its bytes up to {@code lineLength}. */
  private byte[] line = new byte[128];
  private int lineLength;
  /** The event's data lines so far, each followed by a line feed: its bytes up to {@code dataLength}. */
  private byte[] data = new byte[128];
  private int dataLength;
  private String eventType = "";
  private String lastEventIdBuffer;
  private String lastEventId;
  private long retry;
  private boolean afterCr;
  private boolean firstLine = true;

  /**
   * @param sink          receives each dispatched event, in order
   * @param maxEventBytes the largest line and the largest event data accepted
   */
  public SseParser(Consumer<SseEvent> sink, int maxEventBytes) {
    this(sink, maxEventBytes, "", -1);
  }

  /**
   * A parser for a reconnection, which keeps the last event id and reconnection time of the stream it continues.
   *
   * @param lastEventId the stream's last event id so far ({@code ""} for none)
   * @param retry       the reconnection time announced so far, or -1
   */
  public SseParser(Consumer<SseEvent> sink, int maxEventBytes, String lastEventId, long retry) {
    this.sink = sink;
    this.maxEventBytes = maxEventBytes;
    this.lastEventIdBuffer = lastEventId;
    this.lastEventId = lastEventId;
    this.retry = retry;
  }

  /** Parses one chunk, dispatching every event it completes. */
  public void feed(Buffer chunk) {
    byte[] bytes;
    int i;
    int limit;
    ByteBuf buf = chunk instanceof BufferInternal internal ? internal.getByteBuf() : null;
    if (buf != null && buf.hasArray()) {
      bytes = buf.array();
      i = buf.arrayOffset() + buf.readerIndex();
      limit = i + buf.readableBytes();
    } else {
      bytes = chunk.getBytes();
      i = 0;
      limit = bytes.length;
    }
    if (afterCr && limit > i) {
      afterCr = false;
      if (bytes[i] == LF) {
        i++;
      }
    }
    while (i < limit) {
      int end = i;
      while (end < limit && bytes[end] != LF && bytes[end] != CR) {
        end++;
      }
      append(bytes, i, end - i);
      if (end == limit) {
        return;
      }
      if (bytes[end] == CR) {
        if (end + 1 == limit) {
          afterCr = true;
        } else if (bytes[end + 1] == LF) {
          end++;
        }
      }
      endOfLine();
      i = end + 1;
    }
  }

  /** Adds bytes to the line being read; the line is bounded by the largest event. */
  private void append(byte[] bytes, int from, int count) {
    if (count == 0) {
      return;
    }
    if (lineLength + count > maxEventBytes) {
      throw new IllegalStateException("SSE line exceeds " + maxEventBytes + " bytes");
    }
    if (lineLength + count > line.length) {
      line = Arrays.copyOf(line, Math.min(maxEventBytes, Math.max(line.length * 2, lineLength + count)));
    }
    System.arraycopy(bytes, from, line, lineLength, count);
    lineLength += count;
  }

  /**
   * The stream's last event id ({@code ""} when none): the id in force at the last blank line, as an
   * {@code EventSource} would send in {@code Last-Event-ID}. It is set by events without data too (priming events)
   * but not by an event that has not been terminated yet.
   */
  public String lastEventId() {
    return lastEventId;
  }

  /** The reconnection time last announced by the stream, or -1. */
  public long retry() {
    return retry;
  }

  private void endOfLine() {
    int length = lineLength;
    lineLength = 0;
    int start = 0;
    if (firstLine) {
      firstLine = false;
      if (length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
        start = 3;
      }
    }
    if (start == length) {
      dispatch();
    } else if (line[start] != ':') {
      int colon = start;
      while (colon < length && line[colon] != ':') {
        colon++;
      }
      int value = colon == length ? length : colon + 1;
      if (value < length && line[value] == ' ') {
        value++;
      }
      field(start, colon, value, length);
    }
  }

  /** One field: its name is {@code line[nameStart, nameEnd)}, its value {@code line[valueStart, valueEnd)}. */
  private void field(int nameStart, int nameEnd, int valueStart, int valueEnd) {
    int valueLength = valueEnd - valueStart;
    if (isName(DATA, nameStart, nameEnd)) {
      if (dataLength + valueLength >= maxEventBytes) {
        throw new IllegalStateException("SSE event data exceeds " + maxEventBytes + " bytes");
      }
      if (dataLength + valueLength + 1 > data.length) {
        data = Arrays.copyOf(data, Math.min(maxEventBytes, Math.max(data.length * 2, dataLength + valueLength + 1)));
      }
      System.arraycopy(line, valueStart, data, dataLength, valueLength);
      dataLength += valueLength;
      data[dataLength++] = LF;
    } else if (isName(EVENT, nameStart, nameEnd)) {
      eventType = new String(line, valueStart, valueLength, StandardCharsets.UTF_8);
    } else if (isName(ID, nameStart, nameEnd)) {
      if (indexOf(valueStart, valueEnd, (byte) 0) < 0) {
        lastEventIdBuffer = new String(line, valueStart, valueLength, StandardCharsets.UTF_8);
      }
    } else if (isName(RETRY, nameStart, nameEnd)) {
      if (valueLength > 0 && valueLength <= MAX_RETRY_DIGITS && allDigits(valueStart, valueEnd)) {
        retry = Long.parseLong(new String(line, valueStart, valueLength, StandardCharsets.US_ASCII));
      }
    }
    // The WHATWG algorithm ignores unknown field names.
  }

  private boolean isName(byte[] name, int from, int to) {
    return Arrays.equals(line, from, to, name, 0, name.length);
  }

  private int indexOf(int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (line[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private boolean allDigits(int from, int to) {
    for (int i = from; i < to; i++) {
      if (line[i] < '0' || line[i] > '9') {
        return false;
      }
    }
    return true;
  }

  private void dispatch() {
    lastEventId = lastEventIdBuffer;
    if (dataLength == 0) {
      eventType = "";
      return;
    }
    Buffer payload = Buffer.buffer(dataLength - 1).appendBytes(data, 0, dataLength - 1);
    String type = eventType.isEmpty() ? SseEvent.DEFAULT_TYPE : eventType;
    dataLength = 0;
    eventType = "";
    sink.accept(new SseEvent(lastEventId, type, payload, retry));
  }
}
