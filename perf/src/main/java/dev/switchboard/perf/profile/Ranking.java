package dev.switchboard.perf.profile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Sample counts by key, reported as the top N with their share of all samples. */
final class Ranking {
  private final Map<String, Long> counts = new HashMap<>();

  void add(String key) {
    counts.merge(key, 1L, Long::sum);
  }

  List<Map.Entry<String, Long>> top(int n) {
    return counts.entrySet().stream()
      .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
      .limit(n).toList();
  }

  JsonArray toJson(int n, long total) {
    JsonArray out = new JsonArray();
    for (Map.Entry<String, Long> e : top(n)) {
      out.add(new JsonObject().put("name", e.getKey()).put("samples", e.getValue())
        .put("percent", Math.round(1000.0 * e.getValue() / Math.max(1, total)) / 10.0));
    }
    return out;
  }

  String toText(String title, int n, long total) {
    StringBuilder sb = new StringBuilder(title).append('\n');
    for (Map.Entry<String, Long> e : top(n)) {
      sb.append(String.format(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, total),
        e.getValue(), e.getKey()));
    }
    return sb.toString();
  }
}
