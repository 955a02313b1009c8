package dev.switchboard.perf.report;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A latency-by-percentile line chart as inline SVG: x is the percentile on a "nines" scale (50, 90, 99, 99.9, ...),
 * y the latency in milliseconds on a log scale; one line per series.
 */
final class SvgChart {
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
  private static final int WIDTH = 640;
  private static final int HEIGHT = 300;
  private static final int LEFT = 60;
  private static final int RIGHT = 130;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;
  private static final double[] X_TICKS = {10, 50, 90, 99, 99.9, 99.99, 100};
  private static final double MAX_NINES = 5;

  private SvgChart() {
  }

  /** @param series name to {@code [[percentile, ms], ...]} */
  static String render(String title, Map<String, JsonArray> series) {
    double min = Double.MAX_VALUE;
    double max = 0;
    for (JsonArray points : series.values()) {
      for (Object p : points) {
        double ms = ((JsonArray) p).getDouble(1);
        if (ms > 0) {
          min = Math.min(min, ms);
          max = Math.max(max, ms);
        }
      }
    }
    if (max == 0) {
      return "<p>(no samples)</p>";
    }
    double lo = Math.pow(10, Math.floor(Math.log10(min)));
    double hi = Math.pow(10, Math.ceil(Math.log10(max)));
    if (hi <= lo) {
      hi = lo * 10;
    }
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
      + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"11\">",
      WIDTH, HEIGHT, WIDTH, HEIGHT, Fmt.html(title)));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"13\" font-weight=\"bold\">%s</text>", LEFT,
      Fmt.html(title)));
    for (double decade = lo; decade <= hi * 1.0001; decade *= 10) {
      double y = y(decade, lo, hi);
      svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#ddd"));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>", LEFT - 4,
        y + 4, label(decade)));
    }
    for (double p : X_TICKS) {
      double x = x(p);
      svg.append(line(x, TOP, x, HEIGHT - BOTTOM, "#eee"));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x,
        HEIGHT - BOTTOM + 14, p == 100 ? "max" : label(p) + "%"));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>",
      (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8));
    int i = 0;
    for (Map.Entry<String, JsonArray> e : series.entrySet()) {
      String color = COLORS[i % COLORS.length];
      List<String> pts = new ArrayList<>();
      for (Object p : e.getValue()) {
        JsonArray point = (JsonArray) p;
        double ms = Math.max(point.getDouble(1), lo);
        pts.add(String.format(Locale.ROOT, "%.1f,%.1f", x(point.getDouble(0)), y(ms, lo, hi)));
      }
      svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
        .append(String.join(" ", pts)).append("\"/>");
      int ly = TOP + 10 + 16 * i;
      svg.append(line(WIDTH - RIGHT + 10, ly - 4, WIDTH - RIGHT + 30, ly - 4, color).replace("/>",
        " stroke-width=\"2\"/>"));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", WIDTH - RIGHT + 34, ly,
        Fmt.html(e.getKey())));
      i++;
    }
    return svg.append("</svg>").toString();
  }

  /** Nines scale: 0 at p=0, 1 at 90, 2 at 99, ...; max is drawn one step past 99.99. */
  private static double x(double percentile) {
    double nines = percentile >= 100 ? MAX_NINES : Math.min(MAX_NINES, -Math.log10(1 - percentile / 100));
    return LEFT + (WIDTH - LEFT - RIGHT) * nines / MAX_NINES;
  }

  private static double y(double ms, double lo, double hi) {
    double f = (Math.log10(ms) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * f;
  }

  private static String line(double x1, double y1, double x2, double y2, String color) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", x1, y1,
      x2, y2, color);
  }

  private static String label(double v) {
    return v >= 1 && v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v).replaceAll("0+$", "");
  }
}
