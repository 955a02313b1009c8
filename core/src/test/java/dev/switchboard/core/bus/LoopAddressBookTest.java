package dev.switchboard.core.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bus that every event loop shares sends a session's close to the addresses its sending loop entered in the book,
 * and to the shared ones from anywhere else.
 */
@ExtendWith(VertxExtension.class)
class LoopAddressBookTest {

  @Test
  void eachThreadSeesItsOwnEntryAndOthersTheSharedAddresses(Vertx vertx) throws Exception {
    LoopAddressBook book = new LoopAddressBook();
    LoopAddresses own = LoopAddresses.of("a");
    ContextInternal loop = ((VertxInternal) vertx).createEventLoopContext();
    ContextInternal other = otherLoop(vertx, loop);

    Thread loopThread = on(loop, Thread::currentThread);
    book.enter(loopThread, own);

    assertThat(on(loop, book::current)).isEqualTo(own);
    assertThat(on(other, book::current)).isEqualTo(LoopAddresses.SHARED);
    assertThat(book.current()).isEqualTo(LoopAddresses.SHARED);

    book.remove(loopThread, own);
    assertThat(on(loop, book::current)).isEqualTo(LoopAddresses.SHARED);
  }

  @Test
  void aSharedBusSendsToTheSendingLoopsAddresses(Vertx vertx) throws Exception {
    CoreBus.registerCodecs(vertx);
    LoopAddressBook book = new LoopAddressBook();
    LoopAddresses own = LoopAddresses.of("b");
    CoreBus bus = new CoreBus(vertx, Duration.ofSeconds(5), book);
    ContextInternal loop = ((VertxInternal) vertx).createEventLoopContext();
    ContextInternal other = otherLoop(vertx, loop);
    CopyOnWriteArrayList<String> received = new CopyOnWriteArrayList<>();
    CopyOnWriteArrayList<Thread> handledOn = new CopyOnWriteArrayList<>();
    Promise<Void> both = Promise.promise();
    on(loop, () -> {
      for (String address : new String[] {own.close(), LoopAddresses.SHARED.close()}) {
        vertx.eventBus().<CloseSession>localConsumer(address, msg -> {
          received.add(msg.address());
          handledOn.add(Thread.currentThread());
          if (received.size() == 2) {
            both.tryComplete();
          }
        });
      }
      return null;
    });
    Thread loopThread = on(loop, Thread::currentThread);
    book.enter(loopThread, own);

    on(loop, () -> {
      bus.close(close("s1"));
      return null;
    });
    on(other, () -> {
      bus.close(close("s2"));
      return null;
    });
    both.future().await(5, TimeUnit.SECONDS);

    assertThat(received).containsExactlyInAnyOrder(own.close(), LoopAddresses.SHARED.close());
    assertThat(handledOn).containsOnly(loopThread);
  }

  private static CloseSession close(String sessionId) {
    ClientSession client = new ClientSession(sessionId, Identity.ANONYMOUS, null, null, null);
    return new CloseSession(new SessionContext(client, Map.of(), null));
  }

  /** Runs {@code action} on {@code context} and waits for its result. */
  private static <T> T on(Context context, Callable<T> action) throws Exception {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        done.complete(action.call());
      } catch (Exception e) {
        done.fail(e);
      }
    });
    return done.future().await(5, TimeUnit.SECONDS);
  }

  /** A context on an event loop other than {@code of}'s. */
  private static ContextInternal otherLoop(Vertx vertx, ContextInternal of) {
    for (int i = 0; i < 32; i++) {
      ContextInternal candidate = ((VertxInternal) vertx).createEventLoopContext();
      if (candidate.nettyEventLoop() != of.nettyEventLoop()) {
        return candidate;
      }
    }
    throw new AssertionError("no second event loop");
  }
}
