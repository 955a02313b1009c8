package dev.switchboard.launcher.reload;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code SIGHUP} through {@code sun.misc.Signal} (module {@code jdk.unsupported}, present in every JDK 21 build we
 * use). Where the signal cannot be handled (Windows, {@code -Xrs}), or is ignored by the process (started under
 * {@code nohup}, which the JVM honours by never delivering it), this says so; the file watch still works.
 */
final class HangupSignal {
  private static final System.Logger LOG = System.getLogger(HangupSignal.class.getName());

  private HangupSignal() {
  }

  /**
   * Runs {@code action} on each {@code SIGHUP} (on the JVM's signal thread: hand over, never block).
   *
   * @return false when the signal will never arrive
   */
  static boolean install(Runnable action) {
    try {
      SignalHandler before = Signal.handle(new Signal("HUP"), signal -> action.run());
      if (before == SignalHandler.SIG_IGN) {
        LOG.log(System.Logger.Level.WARNING, "SIGHUP is ignored by this process (started under nohup?), so it cannot "
          + "reload the configuration; with reload.watch on, a changed file still does");
        return false;
      }
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.log(System.Logger.Level.WARNING, "SIGHUP cannot be handled here ({0}); the configuration file is still "
        + "watched", e.getMessage());
      return false;
    }
  }
}
