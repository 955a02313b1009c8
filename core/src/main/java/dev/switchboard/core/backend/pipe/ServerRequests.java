package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routes a request the process sends to its client (sampling, elicitation, roots): to the one client session whose
 * calls are in flight, on the stream of its most recent call. With no call in flight, or calls of several sessions
 * in flight, the gateway cannot tell whom the process means, and refuses with a JSON-RPC error rather than guess
 * (in per-session mode, with none in flight, the session's standalone stream takes it). A session whose client did
 * not declare the feature gets no such request either. {@code ping} is answered by the gateway.
 */
final class ServerRequests {
  private static final System.Logger LOG = System.getLogger(ServerRequests.class.getName());
  private static final Map<String, String> FEATURES = Map.of(
    McpMethod.SAMPLING_CREATE_MESSAGE, "sampling",
    McpMethod.ELICITATION_CREATE, "elicitation",
    McpMethod.ROOTS_LIST, "roots");

  private ServerRequests() {
  }

  static void route(PipeSession owner, JsonObject request, String method) {
    Object id = request.getValue("id");
    if (McpMethod.PING.equals(method)) {
      owner.answer(JsonRpc.response(id, new JsonObject()));
      return;
    }
    Set<VirtualSession> calling = owner.inFlight().stream()
      .filter(call -> call.session != null)
      .map(call -> call.session)
      .collect(Collectors.toSet());
    if (calling.size() > 1) {
      refuse(owner, id, method, "the calls of " + calling.size() + " client sessions are in flight on this "
        + "shared process; the gateway cannot tell which one the request is for");
      return;
    }
    VirtualSession session;
    PendingCall call = null;
    if (calling.size() == 1) {
      session = calling.iterator().next();
      call = owner.inFlight().stream()
        .filter(c -> c.session == session && c.onMessage != null)
        .max(Comparator.comparingLong(c -> c.pipeId))
        .orElse(null);
    } else if (owner.perSession() && owner.sessions().size() == 1) {
      session = owner.sessions().values().iterator().next();
    } else {
      refuse(owner, id, method, "no client session has a call in flight on this shared process; the gateway "
        + "cannot tell which one the request is for");
      return;
    }
    String feature = FEATURES.get(method);
    if (feature != null && !session.capabilities.containsKey(feature)) {
      refuse(owner, id, method, "the client did not declare the '" + feature + "' capability");
      return;
    }
    if (call != null) {
      call.deliver(request);
    } else if (!session.deliver(request)) {
      refuse(owner, id, method, "the client session has no open stream to receive the request");
      return;
    }
    owner.passed(request, session.id);
  }

  private static void refuse(PipeSession owner, Object id, String method, String why) {
    LOG.log(Level.INFO, "backend ''{0}'': refused its {1} request: {2}", owner.backend(), method, why);
    owner.answer(JsonRpc.errorResponse(id, JsonRpcError.INVALID_REQUEST, "Switchboard: " + why));
  }
}
