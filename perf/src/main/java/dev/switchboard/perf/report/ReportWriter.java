package dev.switchboard.perf.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code summary.json} and {@code index.html}, and renders the console summary. */
public final class ReportWriter {
  private ReportWriter() {
  }

  /** Writes both files into {@code dir}; returns the HTML file. */
  public static Path write(JsonObject summary, Path dir) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("summary.json"), summary.encodePrettily());
      Path html = dir.resolve("index.html");
      Files.writeString(html, HtmlReport.render(summary));
      return html;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the report to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The console summary: comparison, ratios, goals, scenarios, heap, cold start. */
  public static String console(JsonObject summary) {
    StringBuilder out = new StringBuilder("\n== Switchboard perf: " + summary.getString("preset") + " ("
      + summary.getValue("seconds") + " s) ==\n");
    out.append(summary.getJsonObject("machine").getString("summary")).append('\n');
    JsonObject comparison = summary.getJsonObject("comparison");
    if (comparison != null) {
      out.append("\nComparison, tools/call, medians of ").append(comparison.getValue("rounds"))
        .append(" interleaved rounds of ").append(comparison.getValue("windowSeconds")).append(" s:\n");
      out.append(Tables.comparison(comparison));
      out.append('\n').append(Tables.ratios(comparison));
    }
    if (summary.getJsonObject("idleSessions") != null) {
      JsonObject idle = summary.getJsonObject("idleSessions");
      out.append(String.format("%nIdle sessions: %s opened, %s B/session live heap (%s KiB); heap used after GC: %s "
          + "B/session%n", idle.getValue("sessions"), idle.getValue("bytesPerSession"), idle.getValue("kibPerSession"),
        idle.getValue("heapUsedBytesPerSession")));
    }
    if (summary.getJsonObject("coldStart") != null) {
      JsonObject cold = summary.getJsonObject("coldStart");
      out.append("Cold start to first initialize: ").append(cold.getValue("millis")).append(" ms (median ")
        .append(cold.getValue("medianMillis")).append("; the comparison's gateway, started beside the stub: ")
        .append(cold.getValue("firstGatewayMillis")).append(" ms)\n");
    }
    JsonArray scenarios = summary.getJsonArray("scenarios", new JsonArray());
    if (!scenarios.isEmpty()) {
      out.append("\nScenarios:\n").append(Tables.scenarios(scenarios));
    }
    if (summary.getJsonArray("goals") != null) {
      out.append("\nTargets (reported, not asserted):\n").append(Tables.goals(summary.getJsonArray("goals")));
    }
    JsonObject profile = summary.getJsonObject("profile");
    if (profile != null) {
      out.append("\nProfile (JFR, ").append(profile.getValue("samples")).append(" samples), top self frames:\n")
        .append(Tables.ranking(profile.getJsonArray("selfByMethod"), 12));
    }
    out.append("\nFailed requests: ").append(summary.getValue("failures")).append('\n');
    return out.toString();
  }
}
