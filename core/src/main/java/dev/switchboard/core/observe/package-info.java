/**
 * What the core records of each routed request: {@link dev.switchboard.core.observe.CallObserver} turns a call and
 * its outcome into the tool-call metric and an audit line, in one place.
 */
package dev.switchboard.core.observe;
