/**
 * The event-bus contract between the transport and the core verticle: addresses ({@link dev.switchboard.core.bus.CoreAddress}),
 * message records, and the local zero-copy codec. The transport depends on this package only.
 */
package dev.switchboard.core.bus;
