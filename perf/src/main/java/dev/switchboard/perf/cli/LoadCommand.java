package dev.switchboard.perf.cli;

import dev.switchboard.perf.load.LoadGenerator;
import dev.switchboard.perf.load.LoadOptions;
import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code load --url URL[,URL2]}: one load run against any endpoint that serves the stub's tools (a stub, a gateway in
 * front of one, a proxy); prints the result, or its JSON with {@code --json}. Exit code 1 when a request failed.
 */
final class LoadCommand {
  private LoadCommand() {
  }

  static int run(Args args) {
    String urls = args.string("url", null);
    if (urls == null) {
      throw new IllegalArgumentException("load needs --url http://127.0.0.1:PORT/mcp");
    }
    String prefix = args.string("tool-prefix", "");
    List<Target> targets = new ArrayList<>();
    int i = 0;
    for (String url : urls.split(",")) {
      targets.add(Target.of(i++ == 0 ? "target" : "target" + i, url.trim(), prefix));
    }
    LoadOptions options = new LoadOptions().setLabel("load").setTargets(targets)
      .setConcurrency(args.integer("concurrency", LoadOptions.DEFAULT_CONCURRENCY))
      .setDuration(args.duration("duration", LoadOptions.DEFAULT_DURATION))
      .setMaxRequests(args.integer("requests", (int) Math.min(Integer.MAX_VALUE, LoadOptions.DEFAULT_MAX_REQUESTS)))
      .setRate(args.number("rate", 0))
      .setListRatio(args.number("list-ratio", 0))
      .setTool(args.string("tool", LoadOptions.DEFAULT_TOOL))
      .setPayloadSize(args.integer("size", LoadOptions.DEFAULT_PAYLOAD_SIZE))
      .setArgumentSize(args.integer("arg-size", 0))
      .setExpectedTools(args.integer("expected-tools", 0))
      .setTimeout(args.duration("timeout", LoadOptions.DEFAULT_TIMEOUT))
      .setLanes(args.integer("lanes", 1))
      .setMaxInFlight(args.integer("max-in-flight", LoadOptions.DEFAULT_MAX_IN_FLIGHT))
      .setChurn(args.flag("churn"))
      .setSpread(args.flag("spread"))
      .setProgress(!args.flag("no-progress"));
    boolean json = args.flag("json");
    args.rejectUnknown();
    Vertx vertx = Vertx.vertx();
    try {
      Duration bound = options.getDuration().plus(options.getTimeout()).plusSeconds(60);
      LoadResult result = LoadGenerator.run(vertx, options).toCompletionStage().toCompletableFuture()
        .get(bound.toMillis(), TimeUnit.MILLISECONDS);
      System.out.println(json ? result.toJson().encodePrettily() : result.brief());
      return result.errors().total() == 0 ? 0 : 1;
    } catch (Exception e) {
      System.err.println("load failed: " + e);
      return 1;
    } finally {
      vertx.close();
    }
  }
}
