package dev.switchboard.launcher.config;

import java.util.regex.Pattern;

/**
 * Renders key paths the way error messages show them: {@code backends[2].url},
 * {@code aggregation.tools[0].overrides.echo.name}. A map key that is not a plain word (it holds a dot, a space, ...)
 * is quoted: {@code overrides["my.tool"].name}.
 */
final class KeyPath {
  /** How the document root is shown when a problem concerns the whole document. */
  static final String ROOT = "<root>";

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  private KeyPath() {
  }

  static String child(String parent, String key) {
    if (!PLAIN_KEY.matcher(key).matches()) {
      return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  static String display(String path) {
    return path.isEmpty() ? ROOT : path;
  }
}
