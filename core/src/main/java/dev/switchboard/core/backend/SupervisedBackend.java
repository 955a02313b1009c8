package dev.switchboard.core.backend;

/**
 * A {@link BackendClient} that knows by itself when its backend goes down and comes back, such as a stdio process
 * the gateway supervises and restarts. The core marks the backend down and up on these signals, on top of what it
 * learns from failed session openings.
 */
public interface SupervisedBackend {

  /** Receives the backend's availability changes. Called on the client's own context. */
  interface AvailabilityListener {
    void down(Throwable cause);

    void up();
  }

  /** Sets the one listener of this backend's availability changes. */
  void watchAvailability(AvailabilityListener listener);
}
