/**
 * The audit log: one JSON line per {@code tools/call}, {@code resources/read}, {@code prompts/get}, session open and
 * close, and denied request ({@link dev.switchboard.core.audit.AuditEvent}), written asynchronously by
 * {@link dev.switchboard.core.audit.AuditLog}. Never arguments (unless opted in), results, tokens or session ids.
 */
package dev.switchboard.core.audit;
