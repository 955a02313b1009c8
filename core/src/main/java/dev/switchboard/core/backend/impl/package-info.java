/**
 * The streamable-HTTP implementation of {@link dev.switchboard.core.backend.BackendClient}:
 * {@link dev.switchboard.core.backend.impl.HttpBackendClient} and what it is made of: the endpoint and pool settings
 * read from a backend URL, request headers, one exchange under a hard timer, bounded body readers, a reader for JSON
 * or SSE answers, the incremental {@link dev.switchboard.core.backend.impl.SseParser}, and the mapping of transport
 * failures to {@link dev.switchboard.core.backend.BackendException}. Other modules use
 * {@link dev.switchboard.core.backend.BackendClients} and never import this package.
 */
package dev.switchboard.core.backend.impl;
