package dev.switchboard.session.redis;

import dev.switchboard.session.SessionSignals.Signal;
import io.vertx.core.Handler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects the signals one instance receives and waits (bounded) for the ones a test expects. */
final class SignalInbox implements Handler<Signal> {

  private final List<Signal> received = new CopyOnWriteArrayList<>();

  @Override
  public void handle(Signal signal) {
    received.add(signal);
  }

  List<Signal> received() {
    return List.copyOf(received);
  }

  /** The first received signal that matches, waiting up to {@code millis}; fails the test when none comes. */
  Signal await(Predicate<Signal> match, long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      for (Signal signal : received) {
        if (match.test(signal)) {
          return signal;
        }
      }
      sleep(10);
    }
    throw new AssertionError("no matching signal within " + millis + " ms; received " + received);
  }

  /** True when a matching signal arrives within {@code millis}. */
  boolean receives(Predicate<Signal> match, long millis) {
    try {
      await(match, millis);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  static Predicate<Signal> of(String sessionId, String type) {
    return s -> type.equals(s.type()) && (sessionId == null ? s.sessionId() == null : sessionId.equals(s.sessionId()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
