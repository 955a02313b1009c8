package dev.switchboard.core.trace;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C trace context ({@code traceparent: 00-<trace id>-<span id>-<flags>}).
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId  16 lower-case hex digits, not all zero: the span of whoever sends this header
 * @param flags   2 hex digits ({@code 01}: sampled)
 */
public record TraceContext(String traceId, String spanId, String flags) {
  public static final String HEADER = "traceparent";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** {@code vv-} + 32 + {@code -} + 16 + {@code -} + 2. */
  private static final int LENGTH = 55;
  private static final String ZERO_TRACE = "0".repeat(32);
  private static final String ZERO_SPAN = "0".repeat(16);
  /** Where the trace of the request being handled is kept, on its (duplicated) Vert.x context. */
  private static final Object LOCAL_KEY = new Object();

  /**
   * The trace context of a header value, or null when it is absent or malformed (version {@code ff} too): exactly
   * {@code vv-<32 hex>-<16 hex>-<2 hex>}, lower case, surrounding spaces ignored. Checked by hand, not with a regular
   * expression: it runs on every request.
   */
  public static TraceContext parse(String header) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (value.length() != LENGTH || value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-'
        || !lowerHex(value, 0, 2) || !lowerHex(value, 3, 35) || !lowerHex(value, 36, 52)
        || !lowerHex(value, 53, LENGTH) || value.startsWith("ff")) {
      return null;
    }
    String traceId = value.substring(3, 35);
    String spanId = value.substring(36, 52);
    if (ZERO_TRACE.equals(traceId) || ZERO_SPAN.equals(spanId)) {
      return null;
    }
    return new TraceContext(traceId, spanId, value.substring(53));
  }

  private static boolean lowerHex(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  /** A new trace (the gateway starts one when the client sent none), sampled. */
  public static TraceContext newRoot() {
    return new TraceContext(hex(16), hex(8), "01");
  }

  /** The same trace with a new span id: what the gateway sends on as the parent of the next hop. */
  public TraceContext child() {
    return new TraceContext(traceId, hex(8), flags);
  }

  public String header() {
    return "00-" + traceId + "-" + spanId + "-" + flags;
  }

  /** The trace of the request handled on the current Vert.x context, or null. */
  public static TraceContext current() {
    Context context = Vertx.currentContext();
    return context == null ? null : of(context);
  }

  /** {@link #current()} as a header value, or null. */
  public static String currentHeader() {
    TraceContext current = current();
    return current == null ? null : current.header();
  }

  public static TraceContext of(Context context) {
    return ((ContextInternal) context).getLocal(LOCAL_KEY);
  }

  /** Attaches {@code trace} to a request's (duplicated) context. */
  public static void attach(Context context, TraceContext trace) {
    ((ContextInternal) context).putLocal(LOCAL_KEY, trace);
  }

  /**
   * {@code bytes} (8 or 16) random bytes in hex, never all zero. Trace ids need to be unique, not secret (W3C trace
   * context), so a thread-local generator is used: no lock shared by the event loops.
   */
  private static String hex(int bytes) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] digits = new char[bytes * 2];
    hex(random.nextLong(1, Long.MAX_VALUE) | (random.nextBoolean() ? Long.MIN_VALUE : 0), digits, 0);
    if (bytes == 16) {
      hex(random.nextLong(), digits, 16);
    }
    return new String(digits);
  }

  private static void hex(long value, char[] digits, int at) {
    long rest = value;
    for (int i = 15; i >= 0; i--) {
      digits[at + i] = HEX[(int) (rest & 0xF)];
      rest >>>= 4;
    }
  }
}
