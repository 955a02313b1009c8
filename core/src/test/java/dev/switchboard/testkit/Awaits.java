package dev.switchboard.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits on the test thread for a condition to become true: polls it, bounded in time, never a bare sleep. */
public final class Awaits {
  /** How long a condition may take by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private Awaits() {
  }

  /** Waits until {@code condition} holds; fails after {@link #DEFAULT_TIMEOUT}. */
  public static void until(BooleanSupplier condition) {
    until(condition, DEFAULT_TIMEOUT, "condition");
  }

  /** Waits until {@code condition} holds; fails with {@code what} after {@code timeout}. */
  public static void until(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + " not met within " + timeout.toMillis() + " ms");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
