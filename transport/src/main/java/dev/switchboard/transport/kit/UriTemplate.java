package dev.switchboard.transport.kit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches URIs against an RFC 6570 template with simple ({@code {var}}) and reserved ({@code {+var}}) expressions,
 * which is what resource templates use. A simple variable matches one path segment ({@code [^/?#]+}) and is
 * percent-decoded; a reserved one matches anything non-empty.
 */
final class UriTemplate {
  private static final Pattern EXPRESSION = Pattern.compile("\\{(\\+?)([A-Za-z0-9_]+)}");

  private final String template;
  private final Pattern pattern;
  private final List<String> names;

  UriTemplate(String template) {
    this.template = template;
    StringBuilder regex = new StringBuilder();
    List<String> vars = new ArrayList<>();
    Matcher m = EXPRESSION.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append(m.group(1).isEmpty() ? "([^/?#]+)" : "(.+)");
      vars.add(m.group(2));
      last = m.end();
    }
    String literals = EXPRESSION.matcher(template).replaceAll("");
    if (literals.indexOf('{') >= 0 || literals.indexOf('}') >= 0) {
      throw new IllegalArgumentException("Unsupported URI template: " + template);
    }
    regex.append(Pattern.quote(template.substring(last)));
    this.pattern = Pattern.compile(regex.toString());
    this.names = List.copyOf(vars);
  }

  String template() {
    return template;
  }

  /** The variables of {@code uri}, or null when it does not match. */
  Map<String, String> match(String uri) {
    Matcher m = pattern.matcher(uri);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      values.put(names.get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return values;
  }
}
