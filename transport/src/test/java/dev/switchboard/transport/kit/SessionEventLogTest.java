package dev.switchboard.transport.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionEventLogTest {
  private final Set<String> active = new HashSet<>(Set.of("p1", "p2"));

  private SessionEventLog log(int maxEvents, long maxChars) {
    return new SessionEventLog(maxEvents, maxChars, active::contains);
  }

  @Test
  void replaysOnlyTheNamedStreamAfterTheGivenSequence() {
    SessionEventLog log = log(10, 1_000);
    log.append(new EventId("p1", 2), "a");
    log.append(new EventId("p2", 3), "b");
    log.append(new EventId("p1", 4), "c");

    assertThat(log.after("p1", 2)).extracting(SessionEventLog.LoggedEvent::data).containsExactly("c");
    assertThat(log.after("p1", 1)).extracting(SessionEventLog.LoggedEvent::data).containsExactly("a", "c");
    assertThat(log.lostAfter("p1", 1)).isFalse();
  }

  @Test
  void theCharacterBoundDropsTheOldestAndRemembersTheLoss() {
    SessionEventLog log = log(10, 5);
    log.append(new EventId("p1", 1), "abc");
    log.append(new EventId("p1", 2), "def");

    assertThat(log.size()).isEqualTo(1);
    assertThat(log.lostAfter("p1", 0)).isTrue();
    assertThat(log.lostAfter("p1", 1)).isFalse();
  }

  @Test
  void anEventLargerThanTheBoundIsNotKeptButCountsAsLost() {
    SessionEventLog log = log(10, 2);
    log.append(new EventId("p1", 1), "too long");

    assertThat(log.size()).isZero();
    assertThat(log.knows("p1")).isTrue();
    assertThat(log.lostAfter("p1", 0)).isTrue();
  }

  @Test
  void aRetiredStreamIsForgottenOnceItsEventsAreGone() {
    SessionEventLog log = log(1, 1_000);
    log.append(new EventId("p1", 1), "a");
    active.remove("p1");
    log.retire("p1");
    assertThat(log.knows("p1")).isTrue();

    log.append(new EventId("p2", 2), "b");

    assertThat(log.knows("p1")).isFalse();
    assertThat(log.knows("p2")).isTrue();
  }

  @Test
  void eventIdsRoundTripAndForeignOnesAreRejected() {
    assertThat(EventId.parse("p12-345")).isEqualTo(new EventId("p12", 345));
    assertThat(EventId.parse("g-7")).isEqualTo(new EventId("g", 7));
    assertThat(new EventId("p3", 9)).hasToString("p3-9");
    assertThat(EventId.parse("x-1")).isNull();
    assertThat(EventId.parse("p1-")).isNull();
    assertThat(EventId.parse("p1-0")).isNull();
    assertThat(EventId.parse("event-12")).isNull();
    assertThat(EventId.parse("p1-99999999999999999999")).isNull();
  }
}
