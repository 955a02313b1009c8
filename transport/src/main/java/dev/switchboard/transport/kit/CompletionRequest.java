package dev.switchboard.transport.kit;

import io.vertx.core.json.JsonObject;

/**
 * A {@code completion/complete} request, already validated.
 *
 * @param refType          {@code ref/prompt} or {@code ref/resource}
 * @param ref              the prompt name or the resource (template) URI
 * @param argumentName     the argument being completed
 * @param argumentValue    what the user typed so far
 * @param contextArguments arguments already resolved ({@code context.arguments}, 2025-06-18); empty when absent
 */
public record CompletionRequest(String refType, String ref, String argumentName, String argumentValue,
                                JsonObject contextArguments) {
  public static final String REF_PROMPT = "ref/prompt";
  public static final String REF_RESOURCE = "ref/resource";
}
