package dev.switchboard.transport.kit;

import java.util.function.BooleanSupplier;

/** Polls a condition from the test thread. */
final class Awaits {
  private Awaits() {
  }

  static void until(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Condition not met within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
