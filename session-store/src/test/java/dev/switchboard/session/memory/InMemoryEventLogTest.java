package dev.switchboard.session.memory;

import dev.switchboard.session.EventLog;
import dev.switchboard.session.EventLogContract;
import io.vertx.core.Vertx;

/** The event-log contract on the in-memory log. */
class InMemoryEventLogTest extends EventLogContract {

  @Override
  protected EventLog newLog(Vertx vertx, int maxEventsPerStream) {
    return new InMemoryEventLog(maxEventsPerStream);
  }
}
