package dev.switchboard.core.auth.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.auth.AccessPolicy;
import dev.switchboard.core.auth.AuthorizationOptions;
import dev.switchboard.core.auth.AuthorizationOptions.Rule;
import dev.switchboard.core.auth.CallerTokens;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.catalog.CatalogKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-tool decisions: the first matching rule decides, by scopes and claims; the default for the rest. */
class CompiledAccessPolicyTest {
  private static final Identity ALICE = new Identity("iss", "alice");
  private static final Identity BOB = new Identity("iss", "bob");
  private final CallerTokens callers = new CallerTokens();

  private AccessPolicy policy(boolean defaultAllow, Rule... rules) {
    callers.update(ALICE, "a", Long.MAX_VALUE, Set.of("repo"), new JsonObject()
      .put("groups", new JsonArray().add("admins").add("dev")));
    callers.update(BOB, "b", Long.MAX_VALUE, Set.of(), new JsonObject().put("groups", "dev"));
    return AccessPolicy.compile(new AuthorizationOptions(defaultAllow, List.of(rules)), callers);
  }

  private static Rule tools(List<String> names, List<String> scopes, Map<String, List<String>> claims) {
    return new Rule(names, null, null, scopes, claims);
  }

  @Test
  void scopeRuleAllowsOnlyCallersWithTheScope() {
    AccessPolicy policy = policy(true, tools(List.of("github_*"), List.of("repo"), null));
    assertThat(policy.allows(CatalogKind.TOOLS, "github_push", ALICE)).isTrue();
    assertThat(policy.allows(CatalogKind.TOOLS, "github_push", BOB)).isFalse();
    assertThat(policy.allows(CatalogKind.TOOLS, "search", BOB)).isTrue();
  }

  @Test
  void claimRuleAcceptsAStringOrAListClaim() {
    AccessPolicy policy = policy(true, tools(List.of("admin_*"), null, Map.of("groups", List.of("admins"))),
      tools(List.of("dev_?"), null, Map.of("groups", List.of("dev"))));
    assertThat(policy.allows(CatalogKind.TOOLS, "admin_reset", ALICE)).isTrue();
    assertThat(policy.allows(CatalogKind.TOOLS, "admin_reset", BOB)).isFalse();
    assertThat(policy.allows(CatalogKind.TOOLS, "dev_x", BOB)).isTrue();
    assertThat(policy.allows(CatalogKind.TOOLS, "dev_xy", BOB)).isTrue();
  }

  @Test
  void firstMatchingRuleDecides() {
    AccessPolicy policy = policy(true, tools(List.of("x_secret"), List.of("nobody-has-this"), null),
      tools(List.of("x_*"), null, null));
    assertThat(policy.allows(CatalogKind.TOOLS, "x_secret", ALICE)).isFalse();
    assertThat(policy.allows(CatalogKind.TOOLS, "x_other", BOB)).isTrue();
  }

  @Test
  void defaultDenyRefusesUnmatchedNamesAndUnknownCallers() {
    AccessPolicy policy = policy(false, new Rule(null, List.of("file:///public/*"), List.of("*"), null, null));
    assertThat(policy.allows(CatalogKind.TOOLS, "anything", ALICE)).isFalse();
    assertThat(policy.allows(CatalogKind.PROMPTS, "p", Identity.ANONYMOUS)).isTrue();
    assertThat(policy.allows(CatalogKind.RESOURCES, "file:///public/a.txt", BOB)).isTrue();
    assertThat(policy.allows(CatalogKind.RESOURCE_TEMPLATES, "file:///public/{name}", BOB)).isTrue();
    assertThat(policy.allows(CatalogKind.RESOURCES, "file:///private/a.txt", BOB)).isFalse();
  }

  @Test
  void globCharactersOtherThanStarAndQuestionMarkAreLiteral() {
    AccessPolicy policy = policy(false, tools(List.of("a.b(c)+"), null, null));
    assertThat(policy.allows(CatalogKind.TOOLS, "a.b(c)+", BOB)).isTrue();
    assertThat(policy.allows(CatalogKind.TOOLS, "aXb(c)+", BOB)).isFalse();
  }

  @Test
  void filterLeavesOutRefusedItemsByTheirClientName() {
    AccessPolicy policy = policy(true, tools(List.of("github_*"), List.of("repo"), null));
    JsonObject page = new JsonObject().put("tools", new JsonArray()
      .add(new JsonObject().put("name", "github_push")).add(new JsonObject().put("name", "search")))
      .put("nextCursor", "c");
    JsonObject filtered = policy.filter(CatalogKind.TOOLS, page, BOB);
    assertThat(filtered.getJsonArray("tools")).hasSize(1);
    assertThat(filtered.getString("nextCursor")).isEqualTo("c");
    assertThat(policy.filter(CatalogKind.TOOLS, page, ALICE)).isSameAs(page);
  }

  @Test
  void noRulesAndDefaultAllowCompilesToAllowAll() {
    assertThat(AccessPolicy.compile(AuthorizationOptions.ALLOW_ALL, callers)).isSameAs(AccessPolicy.ALLOW_ALL);
  }
}
