package dev.switchboard.core.catalog;

import java.time.Duration;
import java.util.List;

/**
 * How backend catalogs are merged.
 *
 * @param conflictResolution the naming strategy
 * @param prefixFormat       for {@link ConflictResolution#PREFIX}: {@code {backend}} is replaced by the backend name
 * @param priorityOrder      for {@link ConflictResolution#PRIORITY}: backend names, first wins; backends not listed
 *                           come after, in configuration order
 * @param tools              per-backend tool filters and overrides
 * @param prompts            per-backend prompt filters and overrides
 * @param resources          per-backend resource filters (on URIs; overrides are ignored)
 * @param pageSize           items per page of a merged list answer
 * @param catalogCacheTtl    how long a backend's catalog read for one session serves the next new sessions that
 *                           would see the same one (zero: every session reads its own)
 * @param maxCachedCatalogs  how many such catalogs are held at once (one per backend, relayed client features and,
 *                           for per-caller credentials, caller)
 */
public record AggregationOptions(ConflictResolution conflictResolution, String prefixFormat, List<String> priorityOrder,
                                 List<BackendFilter> tools, List<BackendFilter> prompts,
                                 List<BackendFilter> resources, int pageSize, Duration catalogCacheTtl,
                                 int maxCachedCatalogs) {
  public static final ConflictResolution DEFAULT_CONFLICT_RESOLUTION = ConflictResolution.PREFIX;
  public static final String DEFAULT_PREFIX_FORMAT = "{backend}_";
  public static final int DEFAULT_PAGE_SIZE = 100;
  public static final Duration DEFAULT_CATALOG_CACHE_TTL = Duration.ofSeconds(60);
  public static final int DEFAULT_MAX_CACHED_CATALOGS = 1_000;

  public AggregationOptions {
    conflictResolution = conflictResolution == null ? DEFAULT_CONFLICT_RESOLUTION : conflictResolution;
    prefixFormat = prefixFormat == null ? DEFAULT_PREFIX_FORMAT : prefixFormat;
    priorityOrder = priorityOrder == null ? List.of() : List.copyOf(priorityOrder);
    tools = tools == null ? List.of() : List.copyOf(tools);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
    resources = resources == null ? List.of() : List.copyOf(resources);
    pageSize = pageSize <= 0 ? DEFAULT_PAGE_SIZE : pageSize;
    catalogCacheTtl = catalogCacheTtl == null || catalogCacheTtl.isNegative() ? DEFAULT_CATALOG_CACHE_TTL
      : catalogCacheTtl;
    maxCachedCatalogs = maxCachedCatalogs < 0 ? DEFAULT_MAX_CACHED_CATALOGS : maxCachedCatalogs;
  }

  /** With the catalog cache's defaults. */
  public AggregationOptions(ConflictResolution conflictResolution, String prefixFormat, List<String> priorityOrder,
                            List<BackendFilter> tools, List<BackendFilter> prompts, List<BackendFilter> resources,
                            int pageSize) {
    this(conflictResolution, prefixFormat, priorityOrder, tools, prompts, resources, pageSize, null, -1);
  }

  public static AggregationOptions defaults() {
    return new AggregationOptions(null, null, null, null, null, null, 0, null, -1);
  }
}
