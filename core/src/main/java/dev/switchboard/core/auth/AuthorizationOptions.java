package dev.switchboard.core.auth;

import java.util.List;
import java.util.Map;

/**
 * Per-tool authorization ({@code auth.authorization}): which tools, resources and prompts a caller may see and use,
 * by the names the client sees. The first rule whose patterns match a name decides; a name no rule matches gets the
 * default.
 *
 * @param defaultAllow true ({@code default: allow}) or false ({@code deny}) for names no rule matches
 * @param rules        the rules, in order
 */
public record AuthorizationOptions(boolean defaultAllow, List<Rule> rules) {
  public static final boolean DEFAULT_ALLOW = true;
  public static final AuthorizationOptions ALLOW_ALL = new AuthorizationOptions(true, List.of());

  public AuthorizationOptions {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /**
   * One rule: the names it covers (glob patterns, {@code *} for any run of characters, {@code ?} for one), and what
   * a caller needs to be allowed them: every listed scope, and for each listed claim, one of the listed values.
   *
   * @param tools     tool name patterns
   * @param resources resource URI and URI template patterns
   * @param prompts   prompt name patterns
   * @param scopes    scopes the caller's token must all carry
   * @param claims    claim name to accepted values (the claim may be a string or a list)
   */
  public record Rule(List<String> tools, List<String> resources, List<String> prompts, List<String> scopes,
                     Map<String, List<String>> claims) {
    public Rule {
      tools = tools == null ? List.of() : List.copyOf(tools);
      resources = resources == null ? List.of() : List.copyOf(resources);
      prompts = prompts == null ? List.of() : List.copyOf(prompts);
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
      claims = claims == null ? Map.of() : Map.copyOf(claims);
    }
  }
}
