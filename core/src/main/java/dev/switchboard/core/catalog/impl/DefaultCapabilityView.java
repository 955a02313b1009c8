package dev.switchboard.core.catalog.impl;

import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.catalog.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The immutable, thread-safe result of {@link DefaultAggregator}. Routes are hash lookups; resource templates are
 * compiled to patterns once, here. The view owns its item objects (copies of the backend JSON) and hands them out
 * without copying, in {@link #items} and in {@link #page} answers: callers must treat them as read-only, which lets
 * many sessions share one view.
 */
public final class DefaultCapabilityView implements CapabilityView {
  private final String fingerprint;
  private final Set<String> backends;
  private final int pageSize;
  private final Map<CatalogKind, List<JsonObject>> items;
  private final Map<String, Route> tools;
  private final Map<String, Route> prompts;
  private final Map<String, Route> resources;
  private final List<TemplateRoute> templates;

  /**
   * @param backends the backends aggregated, in catalog order
   * @param entries  per kind the exposed entries, in view order, with unique keys
   * @param pageSize items per {@link #page}
   */
  DefaultCapabilityView(Set<String> backends, Map<CatalogKind, List<ViewEntry>> entries, int pageSize) {
    this.backends = Collections.unmodifiableSet(new LinkedHashSet<>(backends));
    this.pageSize = pageSize;
    this.fingerprint = Fingerprints.of(this.backends, entries, pageSize);
    Map<CatalogKind, List<JsonObject>> lists = new EnumMap<>(CatalogKind.class);
    for (CatalogKind kind : CatalogKind.values()) {
      lists.put(kind, entries.getOrDefault(kind, List.of()).stream().map(ViewEntry::item).toList());
    }
    this.items = Collections.unmodifiableMap(lists);
    this.tools = routes(entries.get(CatalogKind.TOOLS));
    this.prompts = routes(entries.get(CatalogKind.PROMPTS));
    this.resources = routes(entries.get(CatalogKind.RESOURCES));
    List<TemplateRoute> compiled = new ArrayList<>();
    for (ViewEntry entry : entries.getOrDefault(CatalogKind.RESOURCE_TEMPLATES, List.of())) {
      compiled.add(new TemplateRoute(UriTemplates.compile(entry.key()), entry.route().backend()));
    }
    this.templates = List.copyOf(compiled);
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public List<JsonObject> items(CatalogKind kind) {
    return items.get(Objects.requireNonNull(kind, "kind"));
  }

  @Override
  public Optional<Route> tool(String exposedName) {
    return exposedName == null ? Optional.empty() : Optional.ofNullable(tools.get(exposedName));
  }

  @Override
  public Optional<Route> prompt(String exposedName) {
    return exposedName == null ? Optional.empty() : Optional.ofNullable(prompts.get(exposedName));
  }

  @Override
  public Optional<Route> resource(String uri) {
    if (uri == null) {
      return Optional.empty();
    }
    Route exact = resources.get(uri);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (TemplateRoute template : templates) {
      if (template.pattern().matcher(uri).matches()) {
        return Optional.of(new Route(template.backend(), uri));
      }
    }
    return Optional.empty();
  }

  @Override
  public Set<String> backends() {
    return backends;
  }

  /**
   * {@inheritDoc}
   * <p>A null or empty cursor asks for the first page. The items in the answer are the view's own objects.
   */
  @Override
  public JsonObject page(CatalogKind kind, String cursor) {
    List<JsonObject> all = items(kind);
    int from = cursor == null || cursor.isEmpty() ? 0 : PageCursor.decode(cursor, kind, fingerprint, all.size());
    int to = Math.min(all.size(), from + pageSize);
    JsonObject result = new JsonObject().put(kind.resultField(), new JsonArray(new ArrayList<>(all.subList(from, to))));
    if (to < all.size()) {
      result.put("nextCursor", PageCursor.encode(kind, fingerprint, to));
    }
    return result;
  }

  @Override
  public String toString() {
    return "CapabilityView[" + fingerprint + ", backends=" + backends + ']';
  }

  private static Map<String, Route> routes(List<ViewEntry> entries) {
    if (entries == null || entries.isEmpty()) {
      return Map.of();
    }
    Map<String, Route> routes = new HashMap<>(entries.size() * 2);
    for (ViewEntry entry : entries) {
      routes.put(entry.key(), entry.route());
    }
    return Collections.unmodifiableMap(routes);
  }

  /** A compiled resource template and the backend that serves it. */
  private record TemplateRoute(Pattern pattern, String backend) {
  }
}
