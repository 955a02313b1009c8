package dev.switchboard.launcher.config;

import dev.switchboard.core.backend.BackendTransport;
import dev.switchboard.core.backend.stdio.SessionMode;
import dev.switchboard.core.backend.stdio.StdioOptions;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keys of one backend that say how to reach it besides {@code url}: {@code command} and its process settings
 * (stdio backends), and {@code transport} (for {@code url} backends). Exactly one of {@code url} and
 * {@code command}; the keys of one kind are refused on the other.
 */
final class BackendKindsSection {
  static final List<String> STDIO_KEYS = List.of("command", "env", "cwd", "sessionMode", "maxProcesses",
    "maxLineSize", "maxQueuedMessages", "stopGracePeriod", "idleTimeout");
  private static final List<String> URL_KEYS = List.of("url", "transport", "headers", "maxConnections");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final long MAX_LINE_SIZE = 256L * 1024 * 1024;

  private BackendKindsSection() {
  }

  /** Whether the backend is a stdio one; fails unless exactly one of {@code url} and {@code command} is set. */
  static boolean isStdio(ConfigNode backend) {
    Map<String, ConfigNode> keys = backend.entries();
    boolean url = keys.containsKey("url") && backend.get("url").text(null) != null;
    boolean command = keys.containsKey("command");
    if (url && command) {
      throw backend.fail("set exactly one of url (an HTTP backend) and command (a stdio backend), not both");
    }
    if (command) {
      URL_KEYS.stream().filter(keys::containsKey).findFirst().ifPresent(key -> {
        throw backend.get(key).fail("not allowed on a stdio backend (one with command:)");
      });
    } else {
      STDIO_KEYS.stream().filter(keys::containsKey).findFirst().ifPresent(key -> {
        throw backend.get(key).fail("only allowed on a stdio backend (one with command:)");
      });
    }
    return command;
  }

  /** {@code transport:} of a {@code url} backend. */
  static BackendTransport transport(ConfigNode node) {
    String value = node.text("streamable-http");
    return switch (value) {
      case "streamable-http" -> BackendTransport.STREAMABLE_HTTP;
      case "sse" -> BackendTransport.SSE;
      default -> throw node.fail("must be streamable-http or sse, got \"" + value + "\"");
    };
  }

  static StdioOptions map(ConfigNode backend) {
    SessionMode mode = sessionMode(backend.get("sessionMode"));
    ConfigNode processes = backend.get("maxProcesses");
    if (mode == SessionMode.SHARED && backend.entries().containsKey("maxProcesses")) {
      throw processes.fail("only allowed with sessionMode: per-session");
    }
    long lineSize = backend.get("maxLineSize").byteSize(StdioOptions.DEFAULT_MAX_LINE_BYTES);
    if (lineSize > MAX_LINE_SIZE) {
      throw backend.get("maxLineSize").fail("must be at most 256MiB");
    }
    return new StdioOptions(command(backend.get("command")), env(backend.get("env")), cwd(backend.get("cwd")), mode,
      processes.integer(StdioOptions.DEFAULT_MAX_PROCESSES, 1, 10_000), (int) lineSize,
      backend.get("maxQueuedMessages").integer(StdioOptions.DEFAULT_MAX_QUEUED_MESSAGES, 1, 1_000_000),
      backend.get("stopGracePeriod").duration(StdioOptions.DEFAULT_STOP_GRACE_PERIOD),
      backend.get("idleTimeout").duration(StdioOptions.DEFAULT_IDLE_TIMEOUT));
  }

  private static List<String> command(ConfigNode node) {
    List<ConfigNode> elements = node.elements();
    if (elements.isEmpty()) {
      throw node.fail("must be a non-empty list: the program and its arguments, e.g. [npx, -y, some-mcp-server]");
    }
    List<String> command = new ArrayList<>(elements.size());
    for (ConfigNode element : elements) {
      String part = element.requiredText();
      if (command.isEmpty() && part.isBlank()) {
        throw element.fail("the program must not be empty");
      }
      command.add(part);
    }
    return command;
  }

  private static Map<String, String> env(ConfigNode node) {
    Map<String, String> env = new LinkedHashMap<>();
    node.entries().forEach((name, value) -> {
      if (!ENV_NAME.matcher(name).matches()) {
        throw value.fail("not a valid environment variable name");
      }
      env.put(name, value.requiredText());
    });
    return env;
  }

  private static Path cwd(ConfigNode node) {
    String text = node.text(null);
    if (text == null) {
      return null;
    }
    try {
      Path path = Path.of(text);
      if (!Files.isDirectory(path)) {
        throw node.fail("not a directory: \"" + text + "\"");
      }
      return path;
    } catch (InvalidPathException e) {
      throw node.fail("not a path: \"" + text + "\"");
    }
  }

  private static SessionMode sessionMode(ConfigNode node) {
    String value = node.text("shared");
    return switch (value) {
      case "shared" -> SessionMode.SHARED;
      case "per-session" -> SessionMode.PER_SESSION;
      default -> throw node.fail("must be shared or per-session, got \"" + value + "\"");
    };
  }
}
