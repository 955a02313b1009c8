package dev.switchboard.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventLog} does. A subclass only says where the log runs ({@link #newLog}); other modules reuse it
 * from this module's test jar.
 */
public abstract class EventLogContract {

  /** The bound per stream of the log under test. */
  protected static final int BOUND = 5;
  /** Longest wait for one log operation in these tests. */
  protected static final Duration WAIT = Duration.ofSeconds(10);

  protected static Vertx vertx;
  protected EventLog log;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    await(vertx.close());
  }

  /** The log under test, new for each test, keeping {@code maxEventsPerStream} events per stream. */
  protected abstract EventLog newLog(Vertx vertx, int maxEventsPerStream);

  /** Removes what a test left behind; called after {@link EventLog#close()}. */
  protected void cleanUp() {
  }

  @BeforeEach
  void openLog() {
    log = newLog(vertx, BOUND);
  }

  @AfterEach
  void closeLog() {
    try {
      await(log.close());
    } finally {
      cleanUp();
    }
  }

  @Test
  void unknownStreamIsEmpty() {
    assertThat(await(log.after(newId(), "s1", null))).isEmpty();
    assertThat(await(log.after(newId(), "s1", "e1"))).isEmpty();
  }

  @Test
  void afterReturnsTheEventsFollowingTheGivenOne() {
    String session = newId();
    List<StoredEvent> events = appendAll(session, "s1", 4);

    assertThat(await(log.after(session, "s1", events.get(1).id()))).containsExactly(events.get(2), events.get(3));
  }

  @Test
  void afterTheLastEventIsEmpty() {
    String session = newId();
    List<StoredEvent> events = appendAll(session, "s1", 3);

    assertThat(await(log.after(session, "s1", events.get(2).id()))).isEmpty();
  }

  @Test
  void unknownOrNullEventIdGivesEverythingKept() {
    String session = newId();
    List<StoredEvent> events = appendAll(session, "s1", 3);

    assertThat(await(log.after(session, "s1", "no-such-event"))).containsExactlyElementsOf(events);
    assertThat(await(log.after(session, "s1", null))).containsExactlyElementsOf(events);
  }

  @Test
  void boundDropsTheOldestFirst() {
    String session = newId();
    List<StoredEvent> events = appendAll(session, "s1", BOUND + 3);

    assertThat(await(log.after(session, "s1", null))).containsExactlyElementsOf(events.subList(3, BOUND + 3));
  }

  @Test
  void droppedEventIdGivesEverythingKept() {
    String session = newId();
    List<StoredEvent> events = appendAll(session, "s1", BOUND + 2);

    assertThat(await(log.after(session, "s1", events.get(0).id())))
      .containsExactlyElementsOf(events.subList(2, BOUND + 2));
  }

  @Test
  void streamsOfASessionAreSeparate() {
    String session = newId();
    List<StoredEvent> first = appendAll(session, "s1", 2);
    List<StoredEvent> second = appendAll(session, "s2", 3);

    assertThat(await(log.after(session, "s1", null))).containsExactlyElementsOf(first);
    assertThat(await(log.after(session, "s2", null))).containsExactlyElementsOf(second);
    assertThat(await(log.after(session, "s2", first.get(0).id()))).containsExactlyElementsOf(second);
  }

  @Test
  void sessionsAreIsolated() {
    String a = newId();
    String b = newId();
    appendAll(a, "s1", 2);
    List<StoredEvent> ofB = appendAll(b, "s1", 2);

    await(log.delete(a));

    assertThat(await(log.after(a, "s1", null))).isEmpty();
    assertThat(await(log.after(b, "s1", null))).containsExactlyElementsOf(ofB);
  }

  @Test
  void deleteForgetsEveryStreamOfTheSession() {
    String session = newId();
    appendAll(session, "s1", 2);
    appendAll(session, "s2", 2);

    await(log.delete(session));

    assertThat(await(log.after(session, "s1", null))).isEmpty();
    assertThat(await(log.after(session, "s2", null))).isEmpty();
  }

  @Test
  void deleteOfUnknownSessionSucceeds() {
    await(log.delete(newId()));
  }

  @Test
  void appendAfterDeleteStartsAfresh() {
    String session = newId();
    appendAll(session, "s1", 3);
    await(log.delete(session));
    StoredEvent fresh = new StoredEvent("s1-9", "{}");

    await(log.append(session, "s1", fresh));

    assertThat(await(log.after(session, "s1", null))).containsExactly(fresh);
  }

  @Test
  void dataRoundTripsUnchanged() {
    String session = newId();
    StoredEvent json = new StoredEvent("s1-1",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"data\":\"\u00e9\u6f22 \\\"q\\\" \\\\\"}}");
    StoredEvent lines = new StoredEvent("s1-2", "line one\nline two\r\n[\"not\", \"a pair\"]");
    StoredEvent empty = new StoredEvent("s1-3", "");
    for (StoredEvent event : List.of(json, lines, empty)) {
      await(log.append(session, "s1", event));
    }

    assertThat(await(log.after(session, "s1", null))).containsExactly(json, lines, empty);
  }

  @Test
  void appendsNotWaitedForKeepTheirOrder() {
    String session = newId();
    List<StoredEvent> events = new ArrayList<>();
    List<Future<Void>> appends = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      StoredEvent event = new StoredEvent("s1-" + i, "{\"n\":" + i + "}");
      events.add(event);
      appends.add(log.append(session, "s1", event));
    }
    await(Future.all(appends));

    assertThat(await(log.after(session, "s1", null))).containsExactlyElementsOf(events.subList(50 - BOUND, 50));
  }

  /** Appends {@code count} events to a stream, one after the other, and returns them. */
  protected List<StoredEvent> appendAll(String session, String stream, int count) {
    List<StoredEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StoredEvent event = new StoredEvent(stream + "-" + UUID.randomUUID(), "{\"seq\":" + i + "}");
      await(log.append(session, stream, event));
      events.add(event);
    }
    return events;
  }

  protected static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Waits for the future (bounded) and returns its result; a failed future is thrown as its cause. */
  protected static <T> T await(Future<T> future) {
    try {
      return future.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within " + WAIT, e);
    }
  }
}
