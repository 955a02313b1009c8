package dev.switchboard.perf.load;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A console progress bar for runs longer than {@link #MIN_DURATION_NANOS}: on a terminal it redraws one line every
 * half second; otherwise (CI logs) it prints a plain line every five seconds. It runs on its own daemon thread, never
 * on an event loop, and stops when the run ends.
 */
final class ProgressBar implements AutoCloseable {
  static final long MIN_DURATION_NANOS = 3_000_000_000L;
  private static final int WIDTH = 30;

  private final String label;
  private final Progress progress;
  private final long startNanos;
  private final long durationNanos;
  private final PrintStream out;
  private final boolean terminal;
  private final Thread thread;
  private volatile boolean running = true;

  private ProgressBar(String label, Progress progress, long startNanos, long durationNanos) {
    this.label = label;
    this.progress = progress;
    this.startNanos = startNanos;
    this.durationNanos = durationNanos;
    this.out = System.err;
    this.terminal = System.console() != null;
    this.thread = Thread.ofPlatform().daemon().name("perf-progress").unstarted(this::loop);
  }

  /** Starts a bar, or returns a no-op when the run is short or {@code enabled} is false. */
  static AutoCloseable start(String label, Progress progress, long startNanos, long durationNanos, boolean enabled) {
    if (!enabled || durationNanos < MIN_DURATION_NANOS) {
      return () -> { };
    }
    ProgressBar bar = new ProgressBar(label, progress, startNanos, durationNanos);
    bar.thread.start();
    return bar;
  }

  private void loop() {
    long period = terminal ? 500 : 5_000;
    while (running) {
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        draw(false);
      }
    }
  }

  private void draw(boolean last) {
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    double fraction = Math.min(1.0, (System.nanoTime() - startNanos) / (double) durationNanos);
    int filled = (int) Math.round(fraction * WIDTH);
    long ok = progress.ok();
    String line = String.format(Locale.ROOT, "%-28s [%s%s] %3d%% %8.0f req/s  ok %d  failed %d", label,
      "#".repeat(filled), " ".repeat(WIDTH - filled), Math.round(fraction * 100), elapsed > 0 ? ok / elapsed : 0.0,
      ok, progress.failures());
    if (terminal) {
      out.print("\r" + line + (last ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    if (terminal) {
      draw(true);
    }
  }
}
