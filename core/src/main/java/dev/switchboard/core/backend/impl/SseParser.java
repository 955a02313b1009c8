package dev.switchboard.core.backend.impl;

import io.vertx.core.buffer.Buffer;
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
 * <p>Not thread-safe: feed one stream from one thread. A line or event larger than the limit fails with
 * {@link IllegalStateException}.
 */
public final class SseParser {
  private static final byte LF = '\n';
  private static final byte CR = '\r';

  private final Consumer<SseEvent> sink;
  private final int maxEventBytes;
  /** The line being read: its bytes up to {@code lineLength}. */
  private byte[] line = new byte[128];
  private int lineLength;
  private final StringBuilder data = new StringBuilder();
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
    byte[] bytes = chunk.getBytes();
    int length = bytes.length;
    int i = 0;
    if (afterCr && length > 0) {
      afterCr = false;
      if (bytes[0] == LF) {
        i = 1;
      }
    }
    while (i < length) {
      int end = i;
      while (end < length && bytes[end] != LF && bytes[end] != CR) {
        end++;
      }
      append(bytes, i, end - i);
      if (end == length) {
        return;
      }
      if (bytes[end] == CR) {
        if (end + 1 == length) {
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
    String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
    lineLength = 0;
    if (firstLine) {
      firstLine = false;
      if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
    }
    if (text.isEmpty()) {
      dispatch();
    } else if (text.charAt(0) != ':') {
      int colon = text.indexOf(':');
      if (colon < 0) {
        field(text, "");
      } else {
        int start = colon + 1;
        if (start < text.length() && text.charAt(start) == ' ') {
          start++;
        }
        field(text.substring(0, colon), text.substring(start));
      }
    }
  }

  private void field(String name, String value) {
    switch (name) {
      case "data" -> {
        if (data.length() + value.length() >= maxEventBytes) {
          throw new IllegalStateException("SSE event data exceeds " + maxEventBytes + " bytes");
        }
        data.append(value).append('\n');
      }
      case "event" -> eventType = value;
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          lastEventIdBuffer = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          retry = Long.parseLong(value);
        }
      }
      default -> {
        // The WHATWG algorithm ignores unknown field names.
      }
    }
  }

  private void dispatch() {
    lastEventId = lastEventIdBuffer;
    if (data.isEmpty()) {
      eventType = "";
      return;
    }
    String payload = data.substring(0, data.length() - 1);
    String type = eventType.isEmpty() ? SseEvent.DEFAULT_TYPE : eventType;
    data.setLength(0);
    eventType = "";
    sink.accept(new SseEvent(lastEventId, type, payload, retry));
  }
}
