package dev.switchboard.transport.streamable;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * SSE event ids: {@code <streamId>.<sequence>}. Stream ids are random (so unique across instances and sessions) and
 * start with {@code p} for a POST's answer stream or {@code g} for the standalone GET stream.
 */
public final class EventIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private EventIds() {
  }

  public static String newPostStream() {
    return "p" + random();
  }

  public static String newGetStream() {
    return "g" + random();
  }

  public static String eventId(String streamId, long sequence) {
    return streamId + "." + sequence;
  }

  /** The stream an event id belongs to, or null when the id was not issued by the gateway. */
  public static String streamOf(String eventId) {
    int dot = eventId == null ? -1 : eventId.lastIndexOf('.');
    if (dot <= 1 || sequenceOf(eventId) < 0) {
      return null;
    }
    char kind = eventId.charAt(0);
    return kind == 'p' || kind == 'g' ? eventId.substring(0, dot) : null;
  }

  /** The sequence number of an event id, or -1 when it has none. */
  public static long sequenceOf(String eventId) {
    int dot = eventId.lastIndexOf('.');
    try {
      return dot < 0 ? -1 : Long.parseLong(eventId.substring(dot + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public static boolean isGetStream(String streamId) {
    return streamId.startsWith("g");
  }

  private static String random() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }
}
