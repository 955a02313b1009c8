package dev.switchboard.core.auth.impl;

import java.util.List;
import java.util.regex.Pattern;

/** Glob patterns ({@code *} any run of characters, {@code ?} one character, everything else literal) as one regex. */
final class Globs {
  private Globs() {
  }

  /** One pattern matching any of the globs, or null when there are none. */
  static Pattern compile(List<String> globs) {
    if (globs.isEmpty()) {
      return null;
    }
    StringBuilder regex = new StringBuilder();
    for (String glob : globs) {
      if (!regex.isEmpty()) {
        regex.append('|');
      }
      regex.append("(?:");
      StringBuilder literal = new StringBuilder();
      for (char c : glob.toCharArray()) {
        if (c == '*' || c == '?') {
          if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
          }
          regex.append(c == '*' ? ".*" : ".");
        } else {
          literal.append(c);
        }
      }
      if (!literal.isEmpty()) {
        regex.append(Pattern.quote(literal.toString()));
      }
      regex.append(')');
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
