package dev.switchboard.core.backend.stdio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The process of a stdio backend.
 *
 * @param command           the program and its arguments (not run through a shell)
 * @param env               variables added to the gateway's environment for the process; never logged
 * @param cwd               the process's working directory, or null for the gateway's
 * @param sessionMode       one process for every client session, or one per client session
 * @param maxProcesses      {@link SessionMode#PER_SESSION} only: most processes of this backend at once
 * @param maxLineBytes      longest JSON-RPC line (or stderr line) read from the process; a longer one is dropped
 * @param maxQueuedMessages most messages waiting to be written to the process's stdin, and most lines read but not
 *                          yet handled; a full write queue fails the message at once
 * @param stopGracePeriod   how long a process may take to exit after SIGTERM before it is killed
 * @param idleTimeout       a client session's share of the backend (its virtual session, or its own process in
 *                          per-session mode) that has had no call and no open stream for this long is closed; set
 *                          it to the session TTL ({@code sessions.ttl}), since sessions that expire are not closed
 */
public record StdioOptions(List<String> command, Map<String, String> env, Path cwd, SessionMode sessionMode,
                           int maxProcesses, int maxLineBytes, int maxQueuedMessages, Duration stopGracePeriod,
                           Duration idleTimeout) {
  public static final SessionMode DEFAULT_SESSION_MODE = SessionMode.SHARED;
  public static final int DEFAULT_MAX_PROCESSES = 50;
  public static final int DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_MAX_QUEUED_MESSAGES = 1024;
  public static final Duration DEFAULT_STOP_GRACE_PERIOD = Duration.ofSeconds(5);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);

  public StdioOptions {
    command = List.copyOf(Objects.requireNonNull(command, "command"));
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command is empty");
    }
    env = env == null ? Map.of() : Map.copyOf(env);
    sessionMode = sessionMode == null ? DEFAULT_SESSION_MODE : sessionMode;
    maxProcesses = maxProcesses <= 0 ? DEFAULT_MAX_PROCESSES : maxProcesses;
    maxLineBytes = maxLineBytes <= 0 ? DEFAULT_MAX_LINE_BYTES : maxLineBytes;
    maxQueuedMessages = maxQueuedMessages <= 0 ? DEFAULT_MAX_QUEUED_MESSAGES : maxQueuedMessages;
    stopGracePeriod = stopGracePeriod == null ? DEFAULT_STOP_GRACE_PERIOD : stopGracePeriod;
    idleTimeout = idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
  }

  /** A shared process with every default. */
  public StdioOptions(List<String> command) {
    this(command, Map.of(), null, DEFAULT_SESSION_MODE, DEFAULT_MAX_PROCESSES, DEFAULT_MAX_LINE_BYTES,
      DEFAULT_MAX_QUEUED_MESSAGES, DEFAULT_STOP_GRACE_PERIOD, DEFAULT_IDLE_TIMEOUT);
  }

  public StdioOptions withSessionMode(SessionMode mode, int processes) {
    return new StdioOptions(command, env, cwd, mode, processes, maxLineBytes, maxQueuedMessages, stopGracePeriod,
      idleTimeout);
  }
}
