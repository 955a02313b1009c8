package dev.switchboard.launcher.config;

import static dev.switchboard.launcher.config.ConfigAssertions.ONE_BACKEND;
import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static dev.switchboard.launcher.config.ConfigAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.auth.AuthorizationOptions;
import dev.switchboard.core.auth.BackendAuthOptions;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code auth.incoming}, {@code auth.authorization} and {@code backends[].auth}: defaults, mapping, bad values. */
class AuthValidationTest {
  private static final String INCOMING = ONE_BACKEND + """
    auth:
      incoming:
        type: oauth2
        issuer: https://idp.example.com/realms/main
        resource: https://gw.example.com/mcp
    """;

  @Test
  void withoutAuthEveryoneIsAnonymousAndAllowed() {
    GatewayConfig config = parse(ONE_BACKEND);
    assertThat(config.incomingAuth().enabled()).isFalse();
    assertThat(config.authorization()).isEqualTo(AuthorizationOptions.ALLOW_ALL);
    assertThat(config.backends().get(0).auth()).isEqualTo(BackendAuthOptions.NONE);
  }

  @Test
  void incomingOauth2MapsWithDefaults() {
    IncomingAuthOptions incoming = parse(INCOMING).incomingAuth();
    assertThat(incoming.type()).isEqualTo(IncomingAuthOptions.Type.OAUTH2);
    assertThat(incoming.audiences()).containsExactly("https://gw.example.com/mcp");
    assertThat(incoming.scopes()).isEmpty();
    assertThat(incoming.tokenCacheTtl()).isEqualTo(IncomingAuthOptions.DEFAULT_TOKEN_CACHE_TTL);
    assertThat(incoming.keyRefreshMinInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(incoming.metadataUrl()).isEqualTo("https://gw.example.com/.well-known/oauth-protected-resource/mcp");
  }

  @Test
  void incomingOauth2MapsEveryKey() {
    IncomingAuthOptions incoming = parse(INCOMING + String.join("\n",
      "    jwksUrl: https://idp.example.com/keys",
      "    audiences: [api://gw, https://gw.example.com/mcp]",
      "    scopes: [mcp]",
      "    introspection: {url: \"https://idp.example.com/introspect\", clientId: gw, clientSecret: s3cret}",
      "    tokenCacheSize: 5",
      "    tokenCacheTtl: 10s",
      "    keyRefreshMinInterval: 1s",
      "    clockSkew: 5s",
      "    requestTimeout: 2s", "")).incomingAuth();
    assertThat(incoming.jwksUrl()).isEqualTo("https://idp.example.com/keys");
    assertThat(incoming.audiences()).containsExactly("api://gw", "https://gw.example.com/mcp");
    assertThat(incoming.introspection().clientSecret()).isEqualTo("s3cret");
    assertThat(incoming.introspection().toString()).doesNotContain("s3cret");
    assertThat(incoming.tokenCacheSize()).isEqualTo(5);
    assertThat(incoming.clockSkew()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void badIncomingValuesFailWithTheirPath() {
    assertRejected(ONE_BACKEND + "auth: {incoming: {type: saml}}", "auth.incoming.type: must be one of none, oauth2");
    assertRejected(ONE_BACKEND + "auth: {incoming: {type: oauth2, resource: \"https://gw/mcp\"}}",
      "auth.incoming.issuer: required");
    assertRejected(ONE_BACKEND + "auth: {incoming: {type: oauth2, issuer: \"https://idp\"}}",
      "auth.incoming.resource: required");
    assertRejected(ONE_BACKEND + "auth: {incoming: {type: oauth2, issuer: idp, resource: \"https://gw/mcp\"}}",
      "auth.incoming.issuer: not a URL");
    assertRejected(ONE_BACKEND + "auth: {incoming: {typ: oauth2}}", "auth.incoming.typ: unknown key");
    assertRejected(ONE_BACKEND + "auth: {incomming: {}}",
      "auth.incomming: unknown key (known: incoming, authorization)");
  }

  @Test
  void authorizationRulesMap() {
    AuthorizationOptions policy = parse(ONE_BACKEND + """
      auth:
        authorization:
          default: deny
          rules:
            - {tools: ["github_*"], allow: {scopes: [repo]}}
            - {tools: ["admin_*"], allow: {claims: {groups: [admins, ops]}}}
            - {prompts: ["*"], allow: {}}
      """).authorization();
    assertThat(policy.defaultAllow()).isFalse();
    assertThat(policy.rules()).hasSize(3);
    assertThat(policy.rules().get(0).scopes()).containsExactly("repo");
    assertThat(policy.rules().get(1).claims()).isEqualTo(Map.of("groups", List.of("admins", "ops")));
    assertThat(policy.rules().get(2).prompts()).containsExactly("*");
  }

  @Test
  void badAuthorizationValuesFailWithTheirPath() {
    assertRejected(ONE_BACKEND + "auth: {authorization: {default: maybe}}",
      "auth.authorization.default: must be allow or deny");
    assertRejected(ONE_BACKEND + "auth: {authorization: {rules: [{allow: {}}]}}",
      "auth.authorization.rules[0]: a rule needs at least one of tools, resources, prompts");
    assertRejected(ONE_BACKEND + "auth: {authorization: {rules: [{tools: [a], allow: {roles: [x]}}]}}",
      "auth.authorization.rules[0].allow.roles: unknown key");
    assertRejected(ONE_BACKEND + "auth: {authorization: {rules: [{tools: [a], allow: {claims: {groups: []}}}]}}",
      "auth.authorization.rules[0].allow.claims.groups: list at least one accepted value");
  }

  @Test
  void tokenExchangeWithoutIncomingOauth2IsRejected() {
    assertRejected("""
      backends:
        - name: github
          url: "http://127.0.0.1:9001/mcp"
          auth: {type: token-exchange, tokenUrl: "https://idp/token", clientId: gw, clientSecret: s}
      """, "backends[0].auth.type: token-exchange needs the caller's token: set auth.incoming.type: oauth2");
  }

  @Test
  void backendAuthMaps() {
    GatewayConfig config = parse("""
      auth: {incoming: {type: oauth2, issuer: "https://idp", resource: "https://gw/mcp"}}
      backends:
        - name: github
          url: "http://127.0.0.1:9001/mcp"
          auth: {type: token-exchange, tokenUrl: "https://idp/token", clientId: gw, clientSecret: s, audience: gh,
                 scopes: [repo], refreshBefore: 1m, timeout: 2s, maxCachedTokens: 50}
        - name: legacy
          url: "http://127.0.0.1:9002/mcp"
          auth: {type: bearer, token: abc}
      """);
    BackendAuthOptions exchange = config.backends().get(0).auth();
    assertThat(exchange.type()).isEqualTo(BackendAuthOptions.Type.TOKEN_EXCHANGE);
    assertThat(exchange.audience()).isEqualTo("gh");
    assertThat(exchange.refreshBefore()).isEqualTo(Duration.ofMinutes(1));
    assertThat(exchange.maxCachedTokens()).isEqualTo(50);
    assertThat(exchange.toString()).doesNotContain("clientSecret=s");
    assertThat(config.backends().get(1).auth().token()).isEqualTo("abc");
    assertThat(config.backends().get(1).auth().toString()).doesNotContain("abc");
  }

  @Test
  void badBackendAuthFailsWithItsPath() {
    String backend = "backends:\n  - name: a\n    url: \"http://127.0.0.1:1/mcp\"\n";
    assertRejected(backend + "    auth: {type: kerberos}", "backends[0].auth.type: must be one of none, bearer");
    assertRejected(backend + "    auth: {type: bearer}", "backends[0].auth.token: required");
    assertRejected(backend + "    auth: {type: bearer, token: \"a b\"}", "backends[0].auth.token: must be a non-empty");
    assertRejected(backend + "    auth: {type: client-credentials, clientId: a, clientSecret: b}",
      "backends[0].auth.tokenUrl: required");
    assertRejected(backend + "    headers: {Authorization: x}\n    auth: {type: bearer, token: t}",
      "backends[0].auth.type: the backend's headers already set Authorization");
  }

  @Test
  void outgoingAuthIsRefusedOnALegacySseBackend() {
    assertRejected("""
      backends:
        - name: legacy
          url: http://127.0.0.1:3001/sse
          transport: sse
          auth: {type: bearer, token: secret}
      """, "backends[0].auth.type: not supported with transport: sse");
  }
}
