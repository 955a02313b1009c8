package dev.switchboard.core.audit.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditOptions;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The audit writer: lines in order, never blocking the caller, drops counted when the target is slow. */
class AsyncAuditLogTest {

  private static AuditEvent event(String name) {
    return new AuditEvent(0, "abcdef012345", null, null, "client", "1.0", "tools/call", name, "alpha", "ok", 3, null,
      null);
  }

  /** A target whose first write waits until released: a disk that hangs. */
  private static final class StuckWriter extends Writer {
    final CountDownLatch release = new CountDownLatch(1);
    final StringWriter written = new StringWriter();

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
      synchronized (written) {
        written.write(buf, off, len);
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    List<String> lines() {
      synchronized (written) {
        return Arrays.stream(written.toString().split("\n")).filter(l -> !l.isEmpty()).toList();
      }
    }
  }

  @Test
  void linesAreWrittenInOrderAsJson() {
    StuckWriter out = new StuckWriter();
    out.release.countDown();
    AsyncAuditLog log = new AsyncAuditLog(new AuditOptions(true, "x", false, 16), out, false, "gw-1");
    log.record(event("one"));
    log.record(event("two"));
    log.close();

    List<JsonObject> lines = out.lines().stream().map(JsonObject::new).toList();
    assertThat(lines).extracting(l -> l.getString("name")).containsExactly("one", "two");
    assertThat(lines.get(0).getString("instance")).isEqualTo("gw-1");
    assertThat(lines.get(0).getString("session")).isEqualTo("abcdef012345");
  }

  @Test
  void aStuckTargetNeverBlocksTheCallerAndDropsAreCounted() {
    StuckWriter out = new StuckWriter();
    AsyncAuditLog log = new AsyncAuditLog(new AuditOptions(true, "x", false, 2), out, false, "gw-1");

    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      log.record(event("call-" + i));
    }
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(tookMillis).isLessThan(1000);
    assertThat(log.dropped()).isGreaterThanOrEqualTo(90);
    out.release.countDown();
    log.close();
    assertThat(out.lines()).anyMatch(l -> new JsonObject(l).containsKey("auditDropped"));
  }
}
