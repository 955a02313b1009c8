package dev.switchboard.core.bus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which private {@link LoopAddresses} serve the calling event loop, for a sender that every event loop shares (the
 * session manager opens and closes sessions from whichever loop the request came in on). Each loop's core verticle is
 * entered once its consumers are registered and taken out before they go; a thread without an entry (not an event
 * loop, or its verticle stopped) gets the {@linkplain LoopAddresses#SHARED shared addresses}.
 */
public final class LoopAddressBook {
  private final Map<Thread, LoopAddresses> byThread = new ConcurrentHashMap<>();

  /** Enters {@code addresses} for {@code loop}, the event loop thread whose core verticle serves them. */
  public void enter(Thread loop, LoopAddresses addresses) {
    byThread.put(loop, addresses);
  }

  /** Takes {@code addresses} out for {@code loop} (nothing if another entry replaced them). */
  public void remove(Thread loop, LoopAddresses addresses) {
    byThread.remove(loop, addresses);
  }

  /** The calling thread's private addresses, or the shared ones. */
  public LoopAddresses current() {
    LoopAddresses own = byThread.get(Thread.currentThread());
    return own != null ? own : LoopAddresses.SHARED;
  }
}
