package dev.switchboard.core.audit.impl;

import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.audit.AuditOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audit lines through a bounded queue to one writer thread: an event loop only offers a line (never waits); the
 * writer drains the queue, writes and flushes. A full queue drops the line and counts it; the count is logged
 * (at most every 10 s) and written as its own line.
 */
public final class AsyncAuditLog implements AuditLog {
  private static final System.Logger LOG = System.getLogger(AsyncAuditLog.class.getName());
  private static final Object STOP = new Object();

  private final BlockingQueue<Object> queue;
  private final Writer out;
  private final boolean closeOut;
  private final String instance;
  private final boolean includeArguments;
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;
  private long reportedDrops;

  AsyncAuditLog(AuditOptions options, Writer out, boolean closeOut, String instance) {
    this.queue = new ArrayBlockingQueue<>(options.queueSize());
    this.out = out;
    this.closeOut = closeOut;
    this.instance = instance;
    this.includeArguments = options.includeArguments();
    this.writer = Thread.ofPlatform().name("switchboard-audit").daemon().unstarted(this::run);
    writer.start();
  }

  /** Opens the target ({@code stdout}, or a file appended to, created if absent). */
  public static AsyncAuditLog open(AuditOptions options, String instance) {
    if (AuditOptions.STDOUT.equals(options.target())) {
      return new AsyncAuditLog(options, new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false, instance);
    }
    try {
      OutputStream file = Files.newOutputStream(Path.of(options.target()), StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      return new AsyncAuditLog(options, new OutputStreamWriter(file, StandardCharsets.UTF_8), true, instance);
    } catch (IOException e) {
      throw new UncheckedIOException("audit.target: cannot open " + options.target() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public boolean includeArguments() {
    return includeArguments;
  }

  @Override
  public void record(AuditEvent event) {
    if (!queue.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  @Override
  public long dropped() {
    return dropped.get();
  }

  @Override
  public void close() {
    while (!queue.offer(STOP)) {
      queue.poll();
      dropped.incrementAndGet();
    }
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    List<Object> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch);
        boolean stop = false;
        for (Object item : batch) {
          if (item == STOP) {
            stop = true;
          } else {
            out.write(((AuditEvent) item).toJson(instance).encode());
            out.write('\n');
          }
        }
        batch.clear();
        reportDrops();
        out.flush();
        if (stop) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "audit log writer stopped: {0}", e.getMessage());
    } finally {
      if (closeOut) {
        try {
          out.close();
        } catch (IOException e) {
          LOG.log(System.Logger.Level.WARNING, "closing the audit log: {0}", e.getMessage());
        }
      }
    }
  }

  private void reportDrops() throws IOException {
    long now = dropped.get();
    if (now != reportedDrops) {
      out.write(new JsonObject().put("time", Instant.now().toString()).put("instance", instance)
        .put("auditDropped", now - reportedDrops).encode());
      out.write('\n');
      LOG.log(System.Logger.Level.WARNING, "audit log queue full: {0} lines dropped", now - reportedDrops);
      reportedDrops = now;
    }
  }
}
