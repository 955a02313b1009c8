package dev.switchboard.core.catalog;

/** How tool and prompt names that several backends share are made unique. */
public enum ConflictResolution {
  /** Every name gets the backend's prefix ({@link AggregationOptions#prefixFormat()}). */
  PREFIX,
  /** Names stay bare; a name several backends share goes to the backend listed first in the priority order. */
  PRIORITY,
  /** Names stay bare; every shared name must be renamed by an override, else aggregation fails. */
  MANUAL
}
