package dev.switchboard.perf.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The report's tables as console text. */
final class Tables {
  private Tables() {
  }

  static String comparison(JsonObject comparison) {
    ConsoleTable t = new ConsoleTable("c", "target", "req/s", "p50 ms", "p99 ms", "p99.9 ms", "proxy CPU us/req",
      "of it kernel", "proxy cores", "errors");
    JsonObject byC = comparison.getJsonObject("byConcurrency");
    for (String c : byC.fieldNames()) {
      JsonObject level = byC.getJsonObject(c);
      for (String target : new String[] {"direct", "gateway", "nginx", "vertx", "candidate"}) {
        JsonObject m = level.getJsonObject(target);
        if (m != null) {
          t.row(c, target, Fmt.num(m.getValue("throughput"), 0), Fmt.num(m.getValue("p50Ms"), 3),
            Fmt.num(m.getValue("p99Ms"), 3), Fmt.num(m.getValue("p999Ms"), 3),
            Fmt.num(m.getValue("cpuMicrosPerRequest"), 1), Fmt.num(m.getValue("systemCpuMicrosPerRequest"), 1),
            Fmt.num(m.getValue("cpuCores"), 2),
            String.valueOf(m.getValue("errors")));
        }
      }
    }
    return t.toString();
  }

  static String ratios(JsonObject comparison) {
    ConsoleTable t = new ConsoleTable("c", "pair", "throughput ratio", "added p50 ms", "added p99 ms",
      "ratio per round");
    JsonObject byC = comparison.getJsonObject("byConcurrency");
    for (String c : byC.fieldNames()) {
      for (String pair : new String[] {"gateway/direct", "gateway/nginx", "gateway/vertx", "vertx/nginx",
        "candidate/gateway", "candidate/direct"}) {
        JsonObject v = byC.getJsonObject(c).getJsonObject(pair);
        if (v != null) {
          t.row(c, pair, Fmt.num(v.getValue("throughputRatio"), 3), Fmt.num(v.getValue("addedP50Ms"), 3),
            Fmt.num(v.getValue("addedP99Ms"), 3), String.valueOf(v.getValue("perRoundRatios")));
        }
      }
    }
    return t.toString();
  }

  static String scenarios(JsonArray scenarios) {
    ConsoleTable t = new ConsoleTable("scenario", "run", "req/s", "p50 ms", "p99 ms", "max ms", "errors");
    for (Object o : scenarios) {
      JsonObject s = (JsonObject) o;
      for (Object r : s.getJsonArray("runs")) {
        JsonObject run = (JsonObject) r;
        JsonObject lat = run.getJsonObject("latencyMs");
        t.row(s.getString("name"), run.getString("label"), Fmt.num(run.getValue("throughput"), 0),
          Fmt.num(lat.getValue("p50"), 3), Fmt.num(lat.getValue("p99"), 3), Fmt.num(lat.getValue("max"), 1),
          errors(run.getJsonObject("errors")));
      }
      for (Object note : s.getJsonArray("notes")) {
        t.row(s.getString("name"), "note: " + note, "", "", "", "", "");
      }
    }
    return t.toString();
  }

  static String goals(JsonArray goals) {
    ConsoleTable t = new ConsoleTable("goal", "target", "measured", "met");
    for (Object o : goals) {
      JsonObject g = (JsonObject) o;
      Object met = g.getValue("met");
      t.row(g.getString("goal"), g.getString("target"), Fmt.num(g.getValue("measured"), 3),
        met == null ? "n/a" : (Boolean) met ? "yes" : "NO");
    }
    return t.toString();
  }

  static String ranking(JsonArray ranking, int n) {
    ConsoleTable t = new ConsoleTable("%", "samples", "frame");
    for (int i = 0; i < Math.min(n, ranking.size()); i++) {
      JsonObject r = ranking.getJsonObject(i);
      t.row(Fmt.num(r.getValue("percent"), 1), String.valueOf(r.getValue("samples")), r.getString("name"));
    }
    return t.toString();
  }

  static String errors(JsonObject errors) {
    long total = errors.getLong("total", 0L);
    if (total == 0) {
      return "0";
    }
    StringBuilder sb = new StringBuilder(Long.toString(total)).append(" (");
    boolean first = true;
    for (String key : errors.fieldNames()) {
      if (!key.equals("total") && !key.equals("samples")) {
        sb.append(first ? "" : " ").append(key).append('=').append(errors.getValue(key));
        first = false;
      }
    }
    return sb.append(')').toString();
  }
}
