package dev.switchboard.core.impl;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.protocol.LogLevels;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code logging/setLevel}: validates the level and passes it on to every backend of the session. */
final class LoggingFanout {
  private static final System.Logger LOG = System.getLogger(LoggingFanout.class.getName());

  private final BackendRegistry registry;

  LoggingFanout(BackendRegistry registry) {
    this.registry = registry;
  }

  Future<JsonObject> setLevel(SessionContext session, JsonObject params) {
    Object level = params.getValue("level");
    if (!LogLevels.isLevel(level)) {
      throw McpException.invalidParams("level must be one of " + String.join(", ", LogLevels.ORDER));
    }
    String name = (String) level;
    List<Future<JsonObject>> sent = new ArrayList<>();
    for (Map.Entry<String, String> entry : session.backendSessions().entrySet()) {
      BackendClient client = registry.get(entry.getKey());
      if (client != null) {
        sent.add(client.request(StoredIds.fromStored(entry.getValue()), McpMethod.LOGGING_SET_LEVEL,
            new JsonObject().put("level", name))
          .onFailure(err -> LOG.log(System.Logger.Level.DEBUG, "backend ''{0}'' did not take the log level: {1}",
            entry.getKey(), err.getMessage())));
      }
    }
    return Future.join(sent).transform(ignored -> Future.succeededFuture(new JsonObject()));
  }
}
