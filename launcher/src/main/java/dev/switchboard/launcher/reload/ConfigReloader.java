package dev.switchboard.launcher.reload;

import dev.switchboard.core.CoreOptions;
import dev.switchboard.core.CoreServices;
import dev.switchboard.core.metrics.GatewayMetrics;
import dev.switchboard.launcher.config.ConfigException;
import dev.switchboard.launcher.config.ConfigLoader;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.transport.TransportOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reloads the configuration file while the gateway runs: when its content changes (checked every
 * {@code reload.interval} from a timer, read with the non-blocking file system) and on {@code SIGHUP}. The whole
 * file is validated first; an invalid file keeps the running configuration, is logged with its key path and counted
 * as {@code mcp_config_reloads_total{outcome="failed"}}. A valid one applies the backends and aggregation (see
 * {@link CoreServices#reconfigure}), then the {@link ReloadHook}s; what needs a restart is logged and not applied.
 * Reloads run one at a time.
 */
public final class ConfigReloader {
  private static final System.Logger LOG = System.getLogger(ConfigReloader.class.getName());

  private final Vertx vertx;
  private final Context context;
  private final Path file;
  private final Map<String, String> env;
  private final CoreServices core;
  private final GatewayMetrics metrics;
  private final List<ReloadHook> hooks = new CopyOnWriteArrayList<>();
  private final Duration startUpLongestTimeout;
  private volatile GatewayConfig current;
  private String hash;
  private Future<Boolean> last = Future.succeededFuture(false);
  private long timer = -1;
  private volatile boolean stopped;
  private boolean hangupReloads;

  private ConfigReloader(Vertx vertx, Path file, Map<String, String> env, GatewayConfig running, CoreServices core) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.file = file;
    this.env = env;
    this.core = core;
    this.metrics = GatewayMetrics.of(vertx);
    this.current = running;
    this.startUpLongestTimeout = new CoreOptions(running.backends(), running.aggregation()).longestBackendTimeout();
  }

  /**
   * Starts watching {@code file} (unless {@code reload.watch} is false) and listening for {@code SIGHUP}.
   *
   * @param running the configuration the gateway was started with (read from {@code file})
   */
  public static Future<ConfigReloader> start(Vertx vertx, Path file, Map<String, String> env, GatewayConfig running,
                                             CoreServices core) {
    ConfigReloader reloader = new ConfigReloader(vertx, file, env, running, core);
    return vertx.fileSystem().readFile(file.toString()).map(content -> {
      reloader.hash = hash(content);
      if (running.operations().reload().watch()) {
        reloader.timer = vertx.setPeriodic(running.operations().reload().interval().toMillis(),
          id -> reloader.check());
      }
      reloader.hangupReloads = HangupSignal.install(() -> {
        if (!reloader.stopped) {
          reloader.context.runOnContext(v -> reloader.reloadNow());
        }
      });
      return reloader;
    });
  }

  /** Whether {@code SIGHUP} reloads the configuration in this process (not where it is ignored or unavailable). */
  public boolean reloadsOnHangup() {
    return hangupReloads;
  }

  /** Registers a hook that takes its part of each new configuration. */
  public void addHook(ReloadHook hook) {
    hooks.add(hook);
  }

  /** The configuration running now. */
  public GatewayConfig current() {
    return current;
  }

  /** Reloads if the file's content changed; completes with whether a new configuration was applied. */
  public synchronized Future<Boolean> check() {
    last = last.transform(ignored -> read().compose(content -> {
      String h = hash(content);
      if (h.equals(hash)) {
        return Future.succeededFuture(false);
      }
      hash = h;
      return apply(content.toString());
    }, err -> unreadable(err)));
    return last;
  }

  /** Reloads now, changed or not (SIGHUP); completes with whether a new configuration was applied. */
  public synchronized Future<Boolean> reloadNow() {
    last = last.transform(ignored -> read().compose(content -> {
      hash = hash(content);
      return apply(content.toString());
    }, err -> unreadable(err)));
    return last;
  }

  /** Stops watching; a later {@code SIGHUP} is ignored (the JVM keeps the handler, which cannot be removed). */
  public void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private Future<Buffer> read() {
    return vertx.fileSystem().readFile(file.toString());
  }

  private Future<Boolean> unreadable(Throwable err) {
    LOG.log(System.Logger.Level.WARNING, "configuration reload failed: {0}: cannot read the file ({1}); the running "
      + "configuration is kept", file, err.getMessage());
    metrics.configReload("failed");
    return Future.succeededFuture(false);
  }

  private Future<Boolean> apply(String text) {
    return vertx.executeBlocking(() -> ConfigLoader.parse(text, env)).compose(next -> {
      GatewayConfig previous = current;
      logRestartOnly(previous, next);
      if (new CoreOptions(next.backends(), next.aggregation()).longestBackendTimeout()
        .compareTo(startUpLongestTimeout) > 0) {
        LOG.log(System.Logger.Level.WARNING, "a backend timeout is now longer than the longest at start-up ({0}); "
          + "calls may be cut at the start-up value until a restart", startUpLongestTimeout);
      }
      return core.reconfigure(new CoreOptions(next.backends(), next.aggregation(), next.authorization()))
        .compose(v -> Future.all(hooks.stream().map(h -> h.apply(previous, next)).toList()))
        .map(v -> {
          current = next;
          metrics.configReload("applied");
          LOG.log(System.Logger.Level.INFO, "configuration reloaded from {0}", file);
          return true;
        });
    }).recover(err -> {
      if (err instanceof ConfigException invalid) {
        LOG.log(System.Logger.Level.WARNING, "configuration reload rejected, the running configuration is kept: "
          + "{0}", invalid.getMessage());
      } else {
        LOG.log(System.Logger.Level.WARNING, "configuration reload failed: {0}", err.getMessage());
      }
      metrics.configReload("failed");
      return Future.succeededFuture(false);
    });
  }

  /** Logs each section that changed but is applied only at start-up. */
  private static void logRestartOnly(GatewayConfig previous, GatewayConfig next) {
    List<String> restart = new ArrayList<>();
    TransportOptions a = previous.server();
    TransportOptions b = next.server();
    if (!Objects.equals(a.host(), b.host())) {
      restart.add("server.host");
    }
    if (a.port() != b.port()) {
      restart.add("server.port");
    }
    if (!Objects.equals(a.path(), b.path())) {
      restart.add("server.path");
    }
    if (restart.isEmpty() && !a.equals(b)) {
      restart.add("server");
    }
    if (!previous.sessions().equals(next.sessions())) {
      restart.add("sessions");
    }
    if (!previous.incomingAuth().equals(next.incomingAuth())) {
      restart.add("auth.incoming");
    }
    if (!previous.operations().equals(next.operations())) {
      restart.add("metrics/management/audit/reload/tracing");
    }
    if (!restart.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "configuration change in {0} needs a restart; not applied", restart);
    }
  }

  private static String hash(Buffer content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
