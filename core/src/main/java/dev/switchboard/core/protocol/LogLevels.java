package dev.switchboard.core.protocol;

import java.util.Collection;
import java.util.List;

/** The MCP log levels (RFC 5424 severities), from the most verbose. */
public final class LogLevels {
  public static final List<String> ORDER = List.of("debug", "info", "notice", "warning", "error", "critical", "alert",
    "emergency");

  private LogLevels() {
  }

  /** True for one of the eight level names. */
  public static boolean isLevel(Object name) {
    return name instanceof String text && ORDER.contains(text);
  }

  /** Whether a session that asked for {@code asked} (null: never asked) receives a message of {@code level}. */
  public static boolean admits(String asked, String level) {
    if (asked == null) {
      return true;
    }
    int message = ORDER.indexOf(level);
    return message < 0 || message >= ORDER.indexOf(asked);
  }

  /** The most verbose of the levels asked for, or null when none was. */
  public static String mostVerbose(Collection<String> asked) {
    return asked.stream().filter(ORDER::contains).min((a, b) -> ORDER.indexOf(a) - ORDER.indexOf(b)).orElse(null);
  }
}
