package dev.switchboard.launcher.config;

import dev.switchboard.core.auth.AuthorizationOptions;
import dev.switchboard.transport.auth.IncomingAuthOptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps {@code auth.incoming:} onto {@link IncomingAuthOptions} and {@code auth.authorization:} onto
 * {@link AuthorizationOptions}.
 */
final class AuthSection {
  private AuthSection() {
  }

  static IncomingAuthOptions incoming(ConfigNode incoming) {
    incoming.requireKeys("type", "issuer", "jwksUrl", "audiences", "resource", "scopes", "introspection",
      "tokenCacheSize", "tokenCacheTtl", "keyRefreshMinInterval", "clockSkew", "requestTimeout");
    String type = incoming.get("type").text("none").strip().toLowerCase(Locale.ROOT);
    IncomingAuthOptions.Type kind = switch (type) {
      case "none" -> IncomingAuthOptions.Type.NONE;
      case "oauth2" -> IncomingAuthOptions.Type.OAUTH2;
      default -> throw incoming.get("type").fail("must be one of none, oauth2, got \"" + type + "\"");
    };
    if (kind == IncomingAuthOptions.Type.NONE) {
      return IncomingAuthOptions.none();
    }
    String issuer = url(incoming.get("issuer"), true);
    String resource = url(incoming.get("resource"), true);
    ConfigNode introspection = incoming.get("introspection").requireKeys("url", "clientId", "clientSecret");
    IncomingAuthOptions.Introspection introspect = introspection.entries().isEmpty() ? null
      : new IncomingAuthOptions.Introspection(url(introspection.get("url"), true),
        introspection.get("clientId").requiredText(), introspection.get("clientSecret").requiredText());
    return new IncomingAuthOptions(kind, issuer, url(incoming.get("jwksUrl"), false),
      strings(incoming.get("audiences")), resource, strings(incoming.get("scopes")), introspect,
      incoming.get("tokenCacheSize").integer(IncomingAuthOptions.DEFAULT_TOKEN_CACHE_SIZE, 0, 10_000_000),
      incoming.get("tokenCacheTtl").duration(IncomingAuthOptions.DEFAULT_TOKEN_CACHE_TTL),
      incoming.get("keyRefreshMinInterval").duration(IncomingAuthOptions.DEFAULT_KEY_REFRESH_MIN_INTERVAL),
      incoming.get("clockSkew").duration(IncomingAuthOptions.DEFAULT_CLOCK_SKEW),
      incoming.get("requestTimeout").duration(IncomingAuthOptions.DEFAULT_REQUEST_TIMEOUT));
  }

  static AuthorizationOptions authorization(ConfigNode authorization) {
    authorization.requireKeys("default", "rules");
    String text = authorization.get("default").text("allow").strip().toLowerCase(Locale.ROOT);
    if (!text.equals("allow") && !text.equals("deny")) {
      throw authorization.get("default").fail("must be allow or deny, got \"" + text + "\"");
    }
    List<AuthorizationOptions.Rule> rules = new ArrayList<>();
    for (ConfigNode rule : authorization.get("rules").elements()) {
      rule.requireKeys("tools", "resources", "prompts", "allow");
      List<String> tools = strings(rule.get("tools"));
      List<String> resources = strings(rule.get("resources"));
      List<String> prompts = strings(rule.get("prompts"));
      if (tools.isEmpty() && resources.isEmpty() && prompts.isEmpty()) {
        throw rule.fail("a rule needs at least one of tools, resources, prompts");
      }
      ConfigNode allow = rule.get("allow").requireKeys("scopes", "claims");
      Map<String, List<String>> claims = new LinkedHashMap<>();
      allow.get("claims").entries().forEach((name, values) -> {
        List<String> accepted = strings(values);
        if (accepted.isEmpty()) {
          throw values.fail("list at least one accepted value");
        }
        claims.put(name, accepted);
      });
      rules.add(new AuthorizationOptions.Rule(tools, resources, prompts, strings(allow.get("scopes")), claims));
    }
    return new AuthorizationOptions(text.equals("allow"), rules);
  }

  static List<String> strings(ConfigNode list) {
    return list.elements().stream().map(element -> {
      String value = element.requiredText();
      if (value.isBlank()) {
        throw element.fail("must not be empty");
      }
      return value;
    }).toList();
  }

  /** An absolute http(s) URL; with {@code required} false, null when absent. */
  static String url(ConfigNode node, boolean required) {
    String text = required ? node.requiredText() : node.text(null);
    if (text == null) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw node.fail("not a URL: \"" + text + "\" (expected an absolute http:// or https:// URL)");
  }
}
