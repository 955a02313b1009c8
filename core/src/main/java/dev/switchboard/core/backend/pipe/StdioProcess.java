package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.stdio.StdioOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running backend process and its three pipes, each served by a dedicated daemon thread. Stdout lines are parsed
 * on the reading thread. An answer to a call goes straight to the call's context when no earlier line still waits
 * for the owner's ({@link Inbox#answerNow}); every other line is handed to the owner's context with
 * {@code runOnContext} (at most {@code maxQueuedMessages} waiting, after which the reader blocks and so does the
 * process's output). Stderr lines are logged with the backend's name, and stdin is written from a bounded queue. No
 * event loop ever touches a pipe.
 */
final class StdioProcess implements Pipe {
  private static final System.Logger LOG = System.getLogger(StdioProcess.class.getName());
  private static final Buffer POISON = Buffer.buffer();

  private final Vertx vertx;
  private final Context context;
  private final String backend;
  private final StdioOptions options;
  private final Process process;
  private final BlockingQueue<Buffer> writes;
  private final Semaphore handOff;
  /** Lines handed to the owner's context and not yet handled there; only the reading thread adds to it. */
  private final AtomicInteger waiting = new AtomicInteger();
  private final Promise<Throwable> exited = Promise.promise();
  private volatile boolean stopping;

  private StdioProcess(Vertx vertx, Context context, String backend, StdioOptions options, Process process) {
    this.vertx = vertx;
    this.context = context;
    this.backend = backend;
    this.options = options;
    this.process = process;
    this.writes = new ArrayBlockingQueue<>(options.maxQueuedMessages());
    this.handOff = new Semaphore(options.maxQueuedMessages());
  }

  /**
   * Starts the process on a worker thread. Fails with {@link BackendException} {@code UNREACHABLE} when the program
   * cannot be started (not found, not executable, bad working directory); the message names the program but not its
   * arguments or environment.
   *
   * @param inbox receives each stdout message
   */
  static PipeFactory factory(Vertx vertx, String backend, StdioOptions options) {
    return (context, inbox) -> start(vertx, context, backend, options, inbox).map(p -> p);
  }

  static Future<StdioProcess> start(Vertx vertx, Context context, String backend, StdioOptions options,
                                    Inbox inbox) {
    return vertx.executeBlocking(() -> {
      ProcessBuilder builder = new ProcessBuilder(options.command());
      builder.environment().putAll(options.env());
      if (options.cwd() != null) {
        builder.directory(options.cwd().toFile());
      }
      try {
        return builder.start();
      } catch (IOException e) {
        throw new BackendException(backend, BackendException.Kind.UNREACHABLE, "cannot start the command '"
          + options.command().getFirst() + "': " + e.getMessage());
      }
    }, false).map(process -> {
      StdioProcess started = new StdioProcess(vertx, context, backend, options, process);
      started.serve(inbox);
      return started;
    });
  }

  private void serve(Inbox inbox) {
    String prefix = "switchboard-stdio-" + backend + "-" + process.pid();
    Thread.ofPlatform().daemon().name(prefix + "-out").start(new LineReader(process.getInputStream(),
      options.maxLineBytes(), new LineReader.Sink() {
        @Override
        public void line(Buffer line) throws InterruptedException {
          JsonObject message = inbox.parse(line);
          if (message == null || waiting.get() == 0 && inbox.answerNow(message)) {
            return;
          }
          handOff.acquire();
          waiting.incrementAndGet();
          context.runOnContext(v -> {
            try {
              inbox.message(message);
            } finally {
              waiting.decrementAndGet();
              handOff.release();
            }
          });
        }

        @Override
        public void tooLong(long bytes) {
          LOG.log(Level.WARNING, "backend ''{0}'': dropped a stdout line of {1} bytes (maxLineSize is {2})", backend,
            String.valueOf(bytes), String.valueOf(options.maxLineBytes()));
        }

        @Override
        public void ended(IOException failure) {
          if (failure != null && !stopping) {
            LOG.log(Level.DEBUG, "backend ''{0}'': stdout closed: {1}", backend, failure.getMessage());
          }
        }
      }));
    Thread.ofPlatform().daemon().name(prefix + "-err").start(new LineReader(process.getErrorStream(),
      options.maxLineBytes(), new LineReader.Sink() {
        @Override
        public void line(Buffer line) {
          LOG.log(Level.INFO, "backend ''{0}'' stderr: {1}", backend, line.toString());
        }

        @Override
        public void tooLong(long bytes) {
          LOG.log(Level.INFO, "backend ''{0}'' stderr: (a line of {1} bytes, not shown)", backend,
            String.valueOf(bytes));
        }

        @Override
        public void ended(IOException failure) {
        }
      }));
    Thread.ofPlatform().daemon().name(prefix + "-in").start(this::writeLoop);
    process.onExit().whenComplete((p, err) -> context.runOnContext(v ->
      exited.tryComplete(new BackendException(backend, BackendException.Kind.UNREACHABLE,
        "the process exited with code " + process.exitValue()))));
  }

  private void writeLoop() {
    try (OutputStream out = new BufferedOutputStream(process.getOutputStream(), 64 * 1024)) {
      while (true) {
        Buffer next = writes.take();
        if (next == POISON) {
          return;
        }
        out.write(next.getBytes());
        out.write('\n');
        if (writes.isEmpty()) {
          out.flush();
        }
      }
    } catch (IOException e) {
      if (!stopping) {
        LOG.log(Level.DEBUG, "backend ''{0}'': stdin closed: {1}", backend, e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  long pid() {
    return process.pid();
  }

  /** For tests: how many lines wait for the owner's context now. */
  int waiting() {
    return waiting.get();
  }

  @Override
  public String describe() {
    return "process " + process.pid();
  }

  /** Queues one JSON-RPC message for stdin; false when the queue is full or the process is stopping. Any thread. */
  @Override
  public boolean write(Buffer message) {
    return !stopping && writes.offer(message);
  }

  /** Completes, on the owner's context, once the process has exited, with its exit code in the message. */
  @Override
  public Future<Throwable> ended() {
    return exited.future();
  }

  /**
   * Closes stdin and sends SIGTERM to the process and its descendants (e.g. what {@code npx} started); kills them
   * after the grace period. Completes when the process has exited.
   */
  @Override
  public Future<Void> stop() {
    if (!stopping) {
      stopping = true;
      writes.clear();
      writes.offer(POISON);
      long grace = Math.max(1, options.stopGracePeriod().toMillis());
      vertx.<List<ProcessHandle>>executeBlocking(() -> {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        return tree;
      }, false).onSuccess(tree -> vertx.setTimer(grace, id -> vertx.executeBlocking(() -> {
        List<ProcessHandle> alive = tree.stream().filter(ProcessHandle::isAlive).toList();
        if (!alive.isEmpty()) {
          LOG.log(Level.WARNING, "backend ''{0}'': {1} process(es) of pid {2} still running {3} ms after SIGTERM; "
            + "killed", backend, alive.size(), String.valueOf(process.pid()), String.valueOf(grace));
          alive.forEach(ProcessHandle::destroyForcibly);
        }
        return null;
      }, false)));
    }
    return exited.future().mapEmpty();
  }
}
