package dev.switchboard.perf.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code index.html}: one self-contained page (inline CSS and SVG, no scripts, no external resources). */
final class HtmlReport {
  private HtmlReport() {
  }

  static String render(JsonObject summary) {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<title>Switchboard perf report</title><style>"
      + "body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}"
      + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}"
      + "pre{background:#f6f6f6;padding:1em;overflow:auto}.no{color:#b00;font-weight:bold}.yes{color:#070}"
      + "</style></head><body>\n");
    h.append("<h1>Switchboard perf report</h1>\n<p>").append(Fmt.html(summary.getString("preset")))
      .append(" run, started ").append(Fmt.html(summary.getString("startedAt"))).append(", ")
      .append(summary.getValue("seconds")).append(" s. Machine: ")
      .append(Fmt.html(summary.getJsonObject("machine").getString("summary"))).append(".<br>Command: <code>")
      .append(Fmt.html(summary.getString("command"))).append("</code><br>Gateway: ")
      .append(Fmt.html(summary.getString("gateway"))).append("; nginx: ").append(Fmt.html(summary.getString("nginx")))
      .append("; plain Vert.x relay: ").append(Fmt.html(summary.getString("plainRelay")))
      .append(". Failed requests: <b>").append(summary.getValue("failures")).append("</b>.</p>\n");
    if (summary.getJsonArray("goals") != null) {
      h.append("<h2>Targets (reported, never asserted)</h2>\n").append(goals(summary.getJsonArray("goals")));
    }
    JsonObject comparison = summary.getJsonObject("comparison");
    if (comparison != null) {
      h.append("<h2>Comparison: tools/call, interleaved</h2>\n<p>Medians of ").append(comparison.getValue("rounds"))
        .append(" rounds of ").append(comparison.getValue("windowSeconds"))
        .append(" s windows per target and concurrency. Proxy CPU is the gateway JVM's (or nginx's, or the "
          + "relay's) own CPU time (user and system) from /proc/&lt;pid&gt;/stat over the window; \"of it kernel\" is "
          + "the system part, mostly the sockets' work, which any proxy pays. vertx is a plain relay on Vert.x's HTTP "
          + "server and client with no MCP in it: vertx/nginx is what the stack costs, gateway/vertx what the gateway "
          + "adds.</p>\n");
      h.append(pre(Tables.comparison(comparison))).append(pre(Tables.ratios(comparison)));
      JsonObject byC = comparison.getJsonObject("byConcurrency");
      for (String c : byC.fieldNames()) {
        h.append(chart("tools/call latency, c=" + c + " (all rounds merged)",
          byC.getJsonObject(c).getJsonObject("percentiles")));
      }
    }
    if (summary.getJsonObject("idleSessions") != null) {
      h.append("<h2>Idle sessions</h2>\n").append(idle(summary.getJsonObject("idleSessions")));
    }
    if (summary.getJsonObject("coldStart") != null) {
      JsonObject cold = summary.getJsonObject("coldStart");
      h.append("<h2>Cold start</h2>\n<p>Process start to first initialize answered: ").append(cold.getValue("millis"))
        .append(" ms, median ").append(cold.getValue("medianMillis")).append(" ms (fresh processes, each started once "
          + "the machine was quiet; the comparison's own gateway when none was asked for). The comparison's gateway, "
          + "started beside the stub: ").append(cold.getValue("firstGatewayMillis")).append(" ms.</p>\n");
    }
    JsonArray scenarios = summary.getJsonArray("scenarios", new JsonArray());
    if (!scenarios.isEmpty()) {
      h.append("<h2>Scenarios</h2>\n").append(pre(Tables.scenarios(scenarios)));
      for (Object o : scenarios) {
        JsonObject s = (JsonObject) o;
        Map<String, JsonArray> series = new LinkedHashMap<>();
        for (Object r : s.getJsonArray("runs")) {
          JsonObject run = (JsonObject) r;
          series.put(run.getString("label"), run.getJsonArray("percentiles"));
        }
        h.append("<h3>").append(Fmt.html(s.getString("name"))).append("</h3><p>")
          .append(Fmt.html(s.getString("description"))).append("</p>\n");
        if (!series.isEmpty()) {
          h.append(SvgChart.render(s.getString("name"), series)).append('\n');
        }
        h.append(pre(s.getJsonObject("figures").encodePrettily()));
      }
    }
    JsonObject profile = summary.getJsonObject("profile");
    if (profile != null) {
      h.append("<h2>Profile (JFR on the gateway, ").append(profile.getValue("samples")).append(" samples)</h2>\n")
        .append("<h3>Self, by method</h3>").append(pre(Tables.ranking(profile.getJsonArray("selfByMethod"), 25)))
        .append("<h3>Self, by package</h3>").append(pre(Tables.ranking(profile.getJsonArray("selfByPackage"), 20)))
        .append("<h3>Inclusive, by method</h3>")
        .append(pre(Tables.ranking(profile.getJsonArray("inclusiveByMethod"), 40)));
    }
    return h.append("</body></html>\n").toString();
  }

  private static String chart(String title, JsonObject percentiles) {
    Map<String, JsonArray> series = new LinkedHashMap<>();
    for (String target : percentiles.fieldNames()) {
      series.put(target, percentiles.getJsonArray(target));
    }
    return SvgChart.render(title, series) + "\n";
  }

  private static String goals(JsonArray goals) {
    StringBuilder t = new StringBuilder("<table><tr><th>goal</th><th>target</th><th>measured</th><th>met</th></tr>");
    for (Object o : goals) {
      JsonObject g = (JsonObject) o;
      Object met = g.getValue("met");
      String cls = met == null ? "" : (Boolean) met ? "yes" : "no";
      t.append("<tr><td>").append(Fmt.html(g.getString("goal"))).append("</td><td>")
        .append(Fmt.html(g.getString("target"))).append("</td><td>").append(Fmt.num(g.getValue("measured"), 3))
        .append("</td><td class=\"").append(cls).append("\">")
        .append(met == null ? "n/a" : (Boolean) met ? "yes" : "no").append("</td></tr>");
    }
    return t.append("</table>\n").toString();
  }

  private static String idle(JsonObject idle) {
    StringBuilder h = new StringBuilder("<p>").append(idle.getValue("sessions"))
      .append(" sessions opened (initialize, initialized, tools/list) and left idle: <b>")
      .append(idle.getValue("bytesPerSession")).append(" B (").append(idle.getValue("kibPerSession"))
      .append(" KiB) live heap per session</b> (class histogram after full GC); heap used after GC: ")
      .append(idle.getValue("heapUsedBytesPerSession")).append(" B per session.</p>\n");
    h.append("<table><tr><th>class</th><th>instances/session</th><th>bytes/session</th></tr>");
    for (Object o : idle.getJsonArray("topClasses", new JsonArray())) {
      JsonObject c = (JsonObject) o;
      h.append("<tr><td>").append(Fmt.html(c.getString("class"))).append("</td><td>")
        .append(c.getValue("instancesPerSession")).append("</td><td>").append(c.getValue("bytesPerSession"))
        .append("</td></tr>");
    }
    return h.append("</table>\n").toString();
  }

  private static String pre(String text) {
    return "<pre>" + Fmt.html(text) + "</pre>\n";
  }
}
