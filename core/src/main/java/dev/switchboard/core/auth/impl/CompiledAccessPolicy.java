package dev.switchboard.core.auth.impl;

import dev.switchboard.core.auth.AccessPolicy;
import dev.switchboard.core.auth.AuthorizationOptions;
import dev.switchboard.core.auth.CallerTokens;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.catalog.CatalogKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** {@link AccessPolicy} with each rule's globs compiled to one regular expression per kind. */
public final class CompiledAccessPolicy implements AccessPolicy {
  private record Compiled(Pattern tools, Pattern resources, Pattern prompts, List<String> scopes,
                          Map<String, List<String>> claims) {
    Pattern patternFor(CatalogKind kind) {
      return switch (kind) {
        case TOOLS -> tools;
        case PROMPTS -> prompts;
        case RESOURCES, RESOURCE_TEMPLATES -> resources;
      };
    }
  }

  private final boolean defaultAllow;
  private final List<Compiled> rules;
  private final CallerTokens callers;

  public CompiledAccessPolicy(AuthorizationOptions options, CallerTokens callers) {
    this.defaultAllow = options.defaultAllow();
    this.callers = callers;
    List<Compiled> compiled = new ArrayList<>();
    for (AuthorizationOptions.Rule rule : options.rules()) {
      compiled.add(new Compiled(Globs.compile(rule.tools()), Globs.compile(rule.resources()),
        Globs.compile(rule.prompts()), rule.scopes(), rule.claims()));
    }
    this.rules = List.copyOf(compiled);
  }

  @Override
  public boolean allows(CatalogKind kind, String name, Identity caller) {
    return allows(kind, name, callers.grant(caller));
  }

  private boolean allows(CatalogKind kind, String name, CallerTokens.Grant grant) {
    if (name == null) {
      return defaultAllow;
    }
    for (Compiled rule : rules) {
      Pattern pattern = rule.patternFor(kind);
      if (pattern != null && pattern.matcher(name).matches()) {
        return satisfies(rule, grant);
      }
    }
    return defaultAllow;
  }

  private static boolean satisfies(Compiled rule, CallerTokens.Grant grant) {
    Set<String> scopes = grant == null ? Set.of() : grant.scopes();
    if (!scopes.containsAll(rule.scopes())) {
      return false;
    }
    for (Map.Entry<String, List<String>> claim : rule.claims().entrySet()) {
      Object value = grant == null ? null : grant.claims().getValue(claim.getKey());
      if (!matchesAny(value, claim.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean matchesAny(Object value, List<String> accepted) {
    if (value instanceof JsonArray list) {
      for (Object item : list) {
        if (item != null && accepted.contains(String.valueOf(item))) {
          return true;
        }
      }
      return false;
    }
    return value != null && accepted.contains(String.valueOf(value));
  }

  @Override
  public JsonObject filter(CatalogKind kind, JsonObject page, Identity caller) {
    JsonArray items = page.getJsonArray(kind.resultField());
    if (items == null) {
      return page;
    }
    CallerTokens.Grant grant = callers.grant(caller);
    String field = switch (kind) {
      case TOOLS, PROMPTS -> "name";
      case RESOURCES -> "uri";
      case RESOURCE_TEMPLATES -> "uriTemplate";
    };
    JsonArray kept = new JsonArray();
    for (Object item : items) {
      if (item instanceof JsonObject json && allows(kind, json.getString(field), grant)) {
        kept.add(json);
      }
    }
    return kept.size() == items.size() ? page : page.copy().put(kind.resultField(), kept);
  }
}
