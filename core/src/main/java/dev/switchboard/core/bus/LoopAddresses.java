package dev.switchboard.core.bus;

/**
 * Where a transport sends what it asks of core: calls, session opens and session closes. The shared addresses
 * ({@link #SHARED}) are served by every core verticle, and the event bus spreads messages over them, so about half of
 * them cross to another event loop. A transport that shares its event loop with a core verticle serving private
 * addresses ({@link #of}) sends there instead, so that none of these leaves its event loop.
 *
 * @param call  where {@link CoreCall}s go
 * @param open  where {@link OpenSession}s go (request and reply)
 * @param close where {@link CloseSession}s go
 */
public record LoopAddresses(String call, String open, String close) {
  /** The addresses every core verticle serves. */
  public static final LoopAddresses SHARED = new LoopAddresses(CoreAddress.CALL, CoreAddress.SESSION_OPEN,
    CoreAddress.SESSION_CLOSE);

  /** Private addresses, the shared ones followed by {@code "." + suffix} (a random suffix per event loop). */
  public static LoopAddresses of(String suffix) {
    return new LoopAddresses(SHARED.call + "." + suffix, SHARED.open + "." + suffix, SHARED.close + "." + suffix);
  }
}
