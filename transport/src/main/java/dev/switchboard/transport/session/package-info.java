/**
 * The hand-built session-ID manager: two-phase session creation (a pending record at {@code initialize}, the
 * capability view attached at registration), the instance-local session cache in front of the
 * {@code SessionStore}, lazy re-injection of sessions created on another instance, and termination.
 */
package dev.switchboard.transport.session;
