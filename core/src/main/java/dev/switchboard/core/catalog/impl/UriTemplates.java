package dev.switchboard.core.catalog.impl;

import java.util.regex.Pattern;

/**
 * Compiles RFC 6570 URI templates into patterns that match the URIs the template can expand to. Practical rather
 * than complete: values are not decoded and variable modifiers ({@code :n}, {@code *}) are ignored.
 * <ul>
 *   <li>{@code {var}} (and {@code {a,b}}): one or more characters other than {@code /};</li>
 *   <li>{@code {+var}}: one or more of any character; {@code {#var}}: an optional {@code #} fragment;</li>
 *   <li>{@code {?a,b}}, {@code {&a}}: an optional query part up to the fragment;</li>
 *   <li>{@code {/var}}, {@code {.var}}, {@code {;var}}: zero or more prefixed segments.</li>
 * </ul>
 * A template with an unclosed brace matches itself literally from that brace on.
 */
final class UriTemplates {

  private UriTemplates() {
  }

  /** The pattern of a template; use it with {@link java.util.regex.Matcher#matches()}. */
  static Pattern compile(String template) {
    StringBuilder regex = new StringBuilder();
    int pos = 0;
    while (pos < template.length()) {
      int open = template.indexOf('{', pos);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0) {
        regex.append(Pattern.quote(template.substring(pos)));
        break;
      }
      if (open > pos) {
        regex.append(Pattern.quote(template.substring(pos, open)));
      }
      regex.append(expression(template.substring(open + 1, close)));
      pos = close + 1;
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static String expression(String body) {
    char operator = body.isEmpty() ? ' ' : body.charAt(0);
    return switch (operator) {
      case '+' -> ".+";
      case '#' -> "(?:#.*)?";
      case '?' -> "(?:\\?[^#]*)?";
      case '&' -> "(?:&[^#]*)?";
      case '/' -> "(?:/[^/?#]*)*";
      case '.' -> "(?:\\.[^/?#]*)*";
      case ';' -> "(?:;[^/?#]*)*";
      default -> "[^/]+";
    };
  }
}
