package dev.switchboard.core.catalog;

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
 */
public record AggregationOptions(ConflictResolution conflictResolution, String prefixFormat, List<String> priorityOrder,
                                 List<BackendFilter> tools, List<BackendFilter> prompts,
                                 List<BackendFilter> resources, int pageSize) {
  public static final ConflictResolution DEFAULT_CONFLICT_RESOLUTION = ConflictResolution.PREFIX;
  public static final String DEFAULT_PREFIX_FORMAT = "{backend}_";
  public static final int DEFAULT_PAGE_SIZE = 100;

  public AggregationOptions {
    conflictResolution = conflictResolution == null ? DEFAULT_CONFLICT_RESOLUTION : conflictResolution;
    prefixFormat = prefixFormat == null ? DEFAULT_PREFIX_FORMAT : prefixFormat;
    priorityOrder = priorityOrder == null ? List.of() : List.copyOf(priorityOrder);
    tools = tools == null ? List.of() : List.copyOf(tools);
    prompts = prompts == null ? List.of() : List.copyOf(prompts);
    resources = resources == null ? List.of() : List.copyOf(resources);
    pageSize = pageSize <= 0 ? DEFAULT_PAGE_SIZE : pageSize;
  }

  public static AggregationOptions defaults() {
    return new AggregationOptions(null, null, null, null, null, null, 0);
  }
}
