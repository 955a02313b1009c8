package dev.switchboard.core.metrics;

import dev.switchboard.core.protocol.McpMethod;
import java.util.Set;

/** Keeps label values bounded: only known MCP method names pass, anything else is {@link #OTHER}. */
public final class MetricLabels {
  public static final String OTHER = "other";

  private static final Set<String> METHODS = Set.of(McpMethod.INITIALIZE, McpMethod.PING, McpMethod.TOOLS_LIST,
    McpMethod.TOOLS_CALL, McpMethod.RESOURCES_LIST, McpMethod.RESOURCES_TEMPLATES_LIST, McpMethod.RESOURCES_READ,
    McpMethod.RESOURCES_SUBSCRIBE, McpMethod.RESOURCES_UNSUBSCRIBE, McpMethod.PROMPTS_LIST, McpMethod.PROMPTS_GET,
    McpMethod.COMPLETION_COMPLETE, McpMethod.LOGGING_SET_LEVEL, McpMethod.SAMPLING_CREATE_MESSAGE,
    McpMethod.ELICITATION_CREATE, McpMethod.ROOTS_LIST);

  private MetricLabels() {
  }

  /** A known MCP request method as is, else {@link #OTHER}. */
  public static String method(String method) {
    return method != null && METHODS.contains(method) ? method : OTHER;
  }
}
