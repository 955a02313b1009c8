package dev.switchboard.transport.kit;

import java.util.Locale;

/** MCP (syslog) log levels in increasing severity. */
enum LogLevel {
  DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

  /** The level named {@code name} (lower-case as on the wire), or null when there is none. */
  static LogLevel parse(String name) {
    if (name == null) {
      return null;
    }
    for (LogLevel level : values()) {
      if (level.wireName().equals(name)) {
        return level;
      }
    }
    return null;
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
