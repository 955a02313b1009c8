package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a scenario measured.
 *
 * @param name        the scenario's name
 * @param description what it does
 * @param results     the load runs, labelled
 * @param figures     derived figures (ratios, added latency, verdicts)
 * @param notes       observations worth a line in the report
 */
record ScenarioResult(String name, String description, List<LoadResult> results, JsonObject figures,
                      List<String> notes) {
  long failures() {
    return results.stream().mapToLong(r -> r.errors().total()).sum();
  }

  JsonObject toJson() {
    return new JsonObject().put("name", name).put("description", description)
      .put("runs", new JsonArray(results.stream().map(LoadResult::toJson).toList()))
      .put("figures", figures).put("notes", new JsonArray(List.copyOf(notes)));
  }
}
