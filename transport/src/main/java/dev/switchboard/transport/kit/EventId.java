package dev.switchboard.transport.kit;

/**
 * The id of an SSE event: {@code <stream>-<seq>}, where {@code stream} names the stream of the session it was sent on
 * ({@code g} for the standalone GET stream, {@code p<n>} for the stream of the n-th POST) and {@code seq} is a
 * counter unique within the session. So an id is unique across all streams of its session and a {@code Last-Event-ID}
 * says which stream to resume and from where.
 *
 * @param streamKey the stream, e.g. {@code p3}
 * @param seq       the session-wide sequence number, at least 1
 */
record EventId(String streamKey, long seq) {
  /** The key of the standalone GET stream. */
  static final String STANDALONE = "g";

  /** The id as written on the wire. */
  @Override
  public String toString() {
    return streamKey + "-" + seq;
  }

  /** The id for {@code text} as a client sent it back, or null when it is not one of ours. */
  static EventId parse(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    int dash = trimmed.lastIndexOf('-');
    if (dash <= 0 || dash == trimmed.length() - 1 || !validKey(trimmed.substring(0, dash))) {
      return null;
    }
    try {
      long seq = Long.parseLong(trimmed.substring(dash + 1));
      return seq > 0 ? new EventId(trimmed.substring(0, dash), seq) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean validKey(String key) {
    if (STANDALONE.equals(key)) {
      return true;
    }
    if (key.length() < 2 || key.length() > 20 || key.charAt(0) != 'p') {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      if (!Character.isDigit(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
