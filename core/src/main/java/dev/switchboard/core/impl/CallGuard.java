package dev.switchboard.core.impl;

import dev.switchboard.core.auth.AccessPolicy;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.json.JsonObject;

/**
 * Per-tool authorization on the call path: refuses a call to a tool, prompt or resource the caller may not use
 * (before looking it up, so that the answer is the same whether it exists or not, and before any backend sees it),
 * and removes such items from list pages.
 */
final class CallGuard {
  /** Replaced as a whole by a reload; read once per check. */
  private volatile AccessPolicy policy;

  CallGuard(AccessPolicy policy) {
    this.policy = policy;
  }

  /** Applies new rules to the calls and list pages from now on (a configuration reload). */
  void policy(AccessPolicy next) {
    this.policy = next;
  }

  /** @throws McpException {@link JsonRpcError#FORBIDDEN} when the caller may not make this call */
  void check(CoreCall call, JsonObject params) {
    AccessPolicy policy = this.policy;
    if (policy == AccessPolicy.ALLOW_ALL || params == null) {
      return;
    }
    Identity caller = call.session().client().identity();
    boolean allowed = switch (call.method()) {
      case McpMethod.TOOLS_CALL -> policy.allows(CatalogKind.TOOLS, string(params, "name"), caller);
      case McpMethod.PROMPTS_GET -> policy.allows(CatalogKind.PROMPTS, string(params, "name"), caller);
      case McpMethod.RESOURCES_READ, McpMethod.RESOURCES_SUBSCRIBE, McpMethod.RESOURCES_UNSUBSCRIBE ->
        policy.allows(CatalogKind.RESOURCES, string(params, "uri"), caller);
      case McpMethod.COMPLETION_COMPLETE -> completionAllowed(policy, params, caller);
      default -> true;
    };
    if (!allowed) {
      throw new McpException(JsonRpcError.FORBIDDEN, "Forbidden");
    }
  }

  private static boolean completionAllowed(AccessPolicy policy, JsonObject params, Identity caller) {
    if (!(params.getValue("ref") instanceof JsonObject ref)) {
      return true;
    }
    return switch (ref.getString("type", "")) {
      case "ref/prompt" -> policy.allows(CatalogKind.PROMPTS, string(ref, "name"), caller);
      case "ref/resource" -> policy.allows(CatalogKind.RESOURCES, string(ref, "uri"), caller);
      default -> true;
    };
  }

  JsonObject filter(CatalogKind kind, JsonObject page, Identity caller) {
    AccessPolicy policy = this.policy;
    return policy == AccessPolicy.ALLOW_ALL ? page : policy.filter(kind, page, caller);
  }

  private static String string(JsonObject params, String field) {
    return params.getValue(field) instanceof String s ? s : null;
  }
}
