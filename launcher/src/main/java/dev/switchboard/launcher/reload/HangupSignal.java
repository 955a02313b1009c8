package dev.switchboard.launcher.reload;

import sun.misc.Signal;

/**
 * {@code SIGHUP} through {@code sun.misc.Signal} (module {@code jdk.unsupported}, present in every JDK 21 build we
 * use). Where the signal cannot be handled (Windows, {@code -Xrs}) this says so and the file watch still works.
 */
final class HangupSignal {
  private static final System.Logger LOG = System.getLogger(HangupSignal.class.getName());

  private HangupSignal() {
  }

  /** Runs {@code action} on each {@code SIGHUP} (on the JVM's signal thread: hand over, never block). */
  static boolean install(Runnable action) {
    try {
      Signal.handle(new Signal("HUP"), signal -> action.run());
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.log(System.Logger.Level.WARNING, "SIGHUP cannot be handled here ({0}); the configuration file is still "
        + "watched", e.getMessage());
      return false;
    }
  }
}
