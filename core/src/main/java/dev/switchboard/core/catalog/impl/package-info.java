/**
 * Implementation of capability aggregation: {@link dev.switchboard.core.catalog.impl.DefaultAggregator} filters,
 * renames and merges backend catalogs; {@link dev.switchboard.core.catalog.impl.DefaultCapabilityView} holds the
 * result with its routes, fingerprint and pagination. Other code creates aggregators with
 * {@link dev.switchboard.core.catalog.Aggregators} and never imports this package.
 */
package dev.switchboard.core.catalog.impl;
