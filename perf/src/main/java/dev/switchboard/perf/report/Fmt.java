package dev.switchboard.perf.report;

import java.util.Locale;

/** Number formatting shared by the console and HTML reports. */
final class Fmt {
  private Fmt() {
  }

  static String num(Object value, int digits) {
    if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
      return "-";
    }
    return String.format(Locale.ROOT, "%." + digits + "f", n.doubleValue());
  }

  static String html(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
      .replace("\"", "&quot;");
  }
}
