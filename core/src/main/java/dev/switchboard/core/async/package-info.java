/**
 * Small helpers for Vert.x futures that keep work on the caller's event loop: {@link
 * dev.switchboard.core.async.Deadline} bounds a future in time without leaving the context.
 */
package dev.switchboard.core.async;
