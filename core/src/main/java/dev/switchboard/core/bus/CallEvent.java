package dev.switchboard.core.bus;

/**
 * What core sends back for a {@link CoreCall}, to the call's {@code replyTo} address: zero or more stream messages,
 * then exactly one reply, in that order.
 *
 * @param callId  the call's number ({@link CoreCall#callId()})
 * @param message a message the backend streamed before its answer, or null
 * @param reply   the answer, or null for a stream message
 */
public record CallEvent(long callId, StreamMessage message, CoreReply reply) {
  public static CallEvent streamed(CoreCall call, StreamMessage message) {
    return new CallEvent(call.callId(), message, null);
  }

  public static CallEvent replied(CoreCall call, CoreReply reply) {
    return new CallEvent(call.callId(), null, reply);
  }
}
