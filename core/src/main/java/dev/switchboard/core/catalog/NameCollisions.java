package dev.switchboard.core.catalog;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name collisions found by the latest run-time aggregation of this process (see
 * {@link Aggregator#aggregateKeepingNames}), for {@code /health/ready} and the log. One per Vert.x instance;
 * thread-safe.
 */
public final class NameCollisions implements Shareable {
  private static final System.Logger LOG = System.getLogger(NameCollisions.class.getName());
  private static final String KEY = "switchboard.nameCollisions";

  private final Set<String> logged = ConcurrentHashMap.newKeySet();
  private volatile List<String> current = List.of();

  /** The collisions of this Vert.x instance (shared by core, which reports them, and transport, which shows them). */
  public static NameCollisions of(Vertx vertx) {
    LocalMap<String, NameCollisions> map = vertx.sharedData().getLocalMap(KEY);
    return map.computeIfAbsent(KEY, key -> new NameCollisions());
  }

  /** Records the collisions of one aggregation; a collision not seen before is logged once as a warning. */
  public void update(List<String> collisions) {
    current = List.copyOf(collisions);
    for (String collision : collisions) {
      if (logged.add(collision)) {
        LOG.log(System.Logger.Level.WARNING, "name collision at run time, the newcomer is left out and the names "
          + "clients see keep their scheme: {0}", collision);
      }
    }
  }

  /** The collisions of the latest aggregation, empty when it had none. */
  public List<String> current() {
    return current;
  }
}
