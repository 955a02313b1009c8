package dev.switchboard.session.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.session.StoredEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Abandoned sessions leave the in-memory log after the TTL; used ones stay. */
class InMemoryEventLogExpiryTest {
  private final AtomicLong clock = new AtomicLong();
  private final InMemoryEventLog log = new InMemoryEventLog(null, Duration.ofMinutes(30), 16, clock::get);

  @Test
  void sessionUnusedForTheTtlIsSwept() {
    log.append("abandoned", "p1", new StoredEvent("p1.0", "{}")).await();
    clock.addAndGet(Duration.ofMinutes(31).toNanos());

    assertThat(log.sweep()).isEqualTo(1);
    assertThat(log.after("abandoned", "p1", null).await()).isEmpty();
  }

  @Test
  void sessionReadWithinTheTtlIsKept() {
    log.append("busy", "p1", new StoredEvent("p1.0", "{}")).await();
    clock.addAndGet(Duration.ofMinutes(20).toNanos());
    log.after("busy", "p1", null).await();
    clock.addAndGet(Duration.ofMinutes(20).toNanos());

    assertThat(log.sweep()).isZero();
    assertThat(log.after("busy", "p1", null).await()).hasSize(1);
  }
}
