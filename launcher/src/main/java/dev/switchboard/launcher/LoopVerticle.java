package dev.switchboard.launcher;

import dev.switchboard.core.CoreServices;
import dev.switchboard.core.CoreVerticle;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.LoopAddressBook;
import dev.switchboard.core.bus.LoopAddresses;
import dev.switchboard.transport.TransportVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * One event loop's share of the gateway: a core verticle and a transport verticle started on this verticle's own
 * context. The transport sends its calls, session opens and session closes to private addresses that only this core
 * verticle serves ({@link LoopAddresses}), so a call is handled from HTTP request to backend request on one event
 * loop, without waking another thread. The session manager, which every loop shares, finds this loop's addresses in
 * the {@link LoopAddressBook} once the core verticle serves them, so a session's opening and closing stay on the loop
 * too. They still talk only over the event bus.
 */
final class LoopVerticle extends VerticleBase {
  private final CoreServices services;
  private final Duration coreTimeout;
  private final Function<CoreBus, TransportVerticle> transports;
  private final LoopAddressBook book;
  private LoopAddresses addresses;
  private Thread loop;
  private CoreVerticle core;
  private TransportVerticle transport;

  LoopVerticle(CoreServices services, Duration coreTimeout, LoopAddressBook book,
               Function<CoreBus, TransportVerticle> transports) {
    this.services = services;
    this.coreTimeout = coreTimeout;
    this.book = book;
    this.transports = transports;
  }

  @Override
  public Future<?> start() throws Exception {
    addresses = LoopAddresses.of(UUID.randomUUID().toString());
    loop = Thread.currentThread();
    core = new CoreVerticle(services, addresses);
    transport = transports.apply(new CoreBus(vertx, coreTimeout, addresses));
    core.init(vertx, context);
    transport.init(vertx, context);
    return core.start().compose(v -> {
      book.enter(loop, addresses);
      try {
        return transport.start();
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    });
  }

  @Override
  public Future<?> stop() throws Exception {
    if (addresses != null) {
      book.remove(loop, addresses);
    }
    Future<?> transportStopped = transport == null ? Future.succeededFuture() : transport.stop();
    return transportStopped.compose(v -> {
      try {
        return core == null ? Future.succeededFuture() : core.stop();
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    });
  }
}
