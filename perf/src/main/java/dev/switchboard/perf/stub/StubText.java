package dev.switchboard.perf.stub;

/**
 * The text block a stub tool returns for {@code {"seq": S, "size": N}}: {@code "seq:S "} followed by {@code x}
 * characters up to N characters in all (never shorter than the prefix). Shared by the stub and the validator, so an
 * answer can be checked without building the expected string.
 */
public final class StubText {
  /** Largest text a call may ask for. */
  public static final int MAX_SIZE = 16 * 1024 * 1024;
  private static final char FILL = 'x';

  private StubText() {
  }

  /** The prefix that ties an answer to the request that asked for it. */
  public static String prefix(long seq) {
    return "seq:" + seq + " ";
  }

  /** The length of the text for {@code seq} and {@code size}. */
  public static int length(long seq, int size) {
    return Math.max(prefix(seq).length(), size);
  }

  /** Builds the text; {@code filler} must hold at least {@code size} fill characters. */
  static String build(long seq, int size, String filler) {
    String prefix = prefix(seq);
    int fill = Math.max(0, size - prefix.length());
    return fill == 0 ? prefix : prefix + filler.substring(0, fill);
  }

  /** A string of {@code size} fill characters. */
  static String filler(int size) {
    return String.valueOf(FILL).repeat(size);
  }

  /** True when {@code text} is the answer to {@code seq} with {@code size}: same prefix, length and last char. */
  public static boolean matches(String text, long seq, int size) {
    String prefix = prefix(seq);
    if (text == null || text.length() != length(seq, size) || !text.startsWith(prefix)) {
      return false;
    }
    return text.length() == prefix.length() || text.charAt(text.length() - 1) == FILL;
  }
}
