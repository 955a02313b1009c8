package dev.switchboard.perf.load;

import java.util.concurrent.atomic.LongAdder;

/** Counters the lanes bump and the progress bar reads from its own thread. */
final class Progress {
  private final LongAdder ok = new LongAdder();
  private final LongAdder failed = new LongAdder();

  void succeeded() {
    ok.increment();
  }

  void failed() {
    failed.increment();
  }

  long ok() {
    return ok.sum();
  }

  long failures() {
    return failed.sum();
  }
}
