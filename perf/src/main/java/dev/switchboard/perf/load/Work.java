package dev.switchboard.perf.load;

import io.vertx.core.Future;
import java.util.List;

/**
 * What one iteration does: a {@code tools/call} or {@code tools/list} (mixed deterministically at the configured
 * ratio) on an open session, or, for churn, a whole session cycle.
 */
final class Work {
  private final McpClient client;
  private final LoadOptions options;
  private final List<Target> targets;
  private double listCredit;
  private int opened;

  Work(McpClient client, LoadOptions options) {
    this.client = client;
    this.options = options;
    this.targets = options.getTargets();
  }

  /**
   * {@code initialize} on the first target, then {@code notifications/initialized} on the next in turn; when the
   * sessions are spread, both on the next target in turn, where the session then stays.
   */
  Future<McpSession> openSession() {
    if (options.isStateless()) {
      return Future.succeededFuture(McpSession.stateless());
    }
    if (options.isSpread()) {
      Target home = targets.get(opened++ % targets.size());
      return client.initialize(home).compose(session -> client.initialized(session.stayOn(home), home).map(session));
    }
    Target first = targets.get(0);
    return client.initialize(first).compose(session -> {
      session.nextTarget(targets);
      return client.initialized(session, session.nextTarget(targets)).map(session);
    });
  }

  /** One iteration; {@code session} is null for churn. */
  Future<Void> perform(McpSession session) {
    if (options.isChurn()) {
      return cycle();
    }
    Target target = session.nextTarget(targets);
    listCredit += options.getListRatio();
    if (listCredit >= 1) {
      listCredit -= 1;
      return client.list(session, target);
    }
    return client.call(session, target);
  }

  /** initialize, initialized, one tools/call, DELETE: the requests take the targets in turn. */
  private Future<Void> cycle() {
    return openSession().compose(session -> client.call(session, session.nextTarget(targets))
      .compose(v -> client.delete(session, session.nextTarget(targets))));
  }
}
