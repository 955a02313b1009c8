/**
 * What the client-facing endpoint records: requests by method and outcome, sessions opened and closed, and denied
 * requests ({@link dev.switchboard.transport.observe.EndpointObserver}), into the gateway's metrics and audit log.
 */
package dev.switchboard.transport.observe;
