package dev.switchboard.perf.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --name value} options, {@code --flag} switches and positional words. Every option a command reads is
 * checked off; {@link #rejectUnknown()} fails on the rest, so a typo never goes unnoticed.
 */
final class Args {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

  private final Map<String, String> options = new HashMap<>();
  private final Set<String> flags = new HashSet<>();
  private final List<String> positional = new ArrayList<>();
  private final Set<String> read = new HashSet<>();

  Args(String[] args, Set<String> flagNames) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--")) {
        String name = arg.substring(2);
        int eq = name.indexOf('=');
        if (eq > 0) {
          options.put(name.substring(0, eq), name.substring(eq + 1));
        } else if (flagNames.contains(name)) {
          flags.add(name);
        } else if (i + 1 < args.length) {
          options.put(name, args[++i]);
        } else {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
      } else {
        positional.add(arg);
      }
    }
  }

  List<String> positional() {
    return positional;
  }

  boolean flag(String name) {
    read.add(name);
    return flags.contains(name);
  }

  String string(String name, String fallback) {
    read.add(name);
    return options.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    String value = string(name, null);
    try {
      return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + ": not a whole number: " + value);
    }
  }

  double number(String name, double fallback) {
    String value = string(name, null);
    try {
      return value == null ? fallback : Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + ": not a number: " + value);
    }
  }

  /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
  Duration duration(String name, Duration fallback) {
    String value = string(name, null);
    if (value == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(value.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("--" + name + ": not a duration (e.g. 500ms, 10s, 2m): " + value);
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    double millis = switch (unit) {
      case "ms" -> amount;
      case "m" -> amount * 60_000;
      case "h" -> amount * 3_600_000;
      default -> amount * 1000;
    };
    return Duration.ofMillis(Math.round(millis));
  }

  List<Integer> integers(String name, List<Integer> fallback) {
    String value = string(name, null);
    if (value == null) {
      return fallback;
    }
    List<Integer> out = new ArrayList<>();
    for (String part : value.split(",")) {
      try {
        out.add(Integer.parseInt(part.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + ": not a list of whole numbers: " + value);
      }
    }
    return out;
  }

  List<String> words(String name, List<String> fallback) {
    String value = string(name, null);
    return value == null ? fallback : List.of(value.split(","));
  }

  void rejectUnknown() {
    for (String name : options.keySet()) {
      if (!read.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    for (String name : flags) {
      if (!read.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
    }
  }
}
