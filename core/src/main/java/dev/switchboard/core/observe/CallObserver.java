package dev.switchboard.core.observe;

import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.json.RawObject;
import dev.switchboard.core.metrics.GatewayMetrics;
import dev.switchboard.core.metrics.MetricLabels;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.AsyncResult;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * Records a routed {@code tools/call}, {@code resources/read} or {@code prompts/get}: {@code mcp_tool_calls_total}
 * for tool calls, and an audit line for all three.
 */
public final class CallObserver {
  private final GatewayMetrics metrics;
  private final AuditLog audit;
  private final Supplier<String> traceparent;

  /**
   * @param traceparent the W3C trace context of the request being handled (read on the caller's context), or null
   */
  public CallObserver(GatewayMetrics metrics, AuditLog audit, Supplier<String> traceparent) {
    this.metrics = metrics;
    this.audit = audit;
    this.traceparent = traceparent;
  }

  /** The call went to {@code backend}; {@code outcome} is the backend's answer before it became a reply. */
  public void routed(CoreCall call, String backend, long startNanos, AsyncResult<?> outcome) {
    String method = call.method();
    if (!audited(method)) {
      return;
    }
    String result = outcome(outcome);
    if (McpMethod.TOOLS_CALL.equals(method)) {
      metrics.toolCall(backend, name(call), result);
    }
    audit(call, backend, result, startNanos);
  }

  /**
   * The call was refused before it reached a backend: {@code denied} when the caller may not make it (authorization
   * rules), else {@code error} (unknown name, invalid params).
   */
  public void refused(CoreCall call, long startNanos, Throwable cause) {
    if (!audited(call.method())) {
      return;
    }
    String result = cause instanceof McpException e && e.code() == JsonRpcError.FORBIDDEN
      ? GatewayMetrics.DENIED : GatewayMetrics.ERROR;
    if (McpMethod.TOOLS_CALL.equals(call.method())) {
      metrics.toolCall(MetricLabels.OTHER, MetricLabels.OTHER, result);
    }
    audit(call, null, result, startNanos);
  }

  private void audit(CoreCall call, String backend, String outcome, long startNanos) {
    if (!audit.enabled()) {
      return;
    }
    JsonObject arguments = null;
    if (audit.includeArguments() && McpMethod.TOOLS_CALL.equals(call.method()) && call.params() != null
      && call.params().getValue("arguments") instanceof JsonObject args) {
      arguments = args.copy();
    }
    audit.record(AuditEvent.of(call.session().client(), call.method(), name(call), backend, outcome,
      (System.nanoTime() - startNanos) / 1_000_000, traceparent == null ? null : traceparent.get(), arguments));
  }

  private static boolean audited(String method) {
    return McpMethod.TOOLS_CALL.equals(method) || McpMethod.RESOURCES_READ.equals(method)
      || McpMethod.PROMPTS_GET.equals(method);
  }

  private static String name(CoreCall call) {
    JsonObject params = call.params();
    if (params == null) {
      return null;
    }
    Object name = McpMethod.RESOURCES_READ.equals(call.method()) ? params.getValue("uri") : params.getValue("name");
    return name instanceof String s ? s : null;
  }

  /** ok, error (a JSON-RPC error or an {@code isError} result), timeout, or unavailable. */
  static String outcome(AsyncResult<?> outcome) {
    if (outcome.succeeded()) {
      Object value = outcome.result() instanceof CoreReply reply ? reply.result() : outcome.result();
      return value instanceof JsonObject result && RawObject.isError(result)
        ? GatewayMetrics.ERROR : GatewayMetrics.OK;
    }
    if (outcome.cause() instanceof BackendException be) {
      return be.kind() == BackendException.Kind.TIMEOUT ? GatewayMetrics.TIMEOUT : GatewayMetrics.UNAVAILABLE;
    }
    return GatewayMetrics.ERROR;
  }
}
