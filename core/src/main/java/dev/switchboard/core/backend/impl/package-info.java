/**
 * The streamable-HTTP implementation of {@link dev.switchboard.core.backend.BackendClient}:
 * {@link dev.switchboard.core.backend.impl.HttpBackendClient} and what it is made of: the endpoint and pool settings
 * read from a backend URL, the connection pools (one per event loop,
 * {@link dev.switchboard.core.backend.impl.LoopClients}), request headers, request ids and the bounded map of
 * requests in flight, one exchange under a hard timer (one or more HTTP requests, abortable), bounded body readers,
 * readers for JSON or SSE answers (resuming a stream with {@code Last-Event-ID}), the session streams with their
 * reconnections, the incremental {@link dev.switchboard.core.backend.impl.SseParser}, and the mapping of transport
 * failures to {@link dev.switchboard.core.backend.BackendException}. Other modules use
 * {@link dev.switchboard.core.backend.BackendClients} and never import this package.
 */
package dev.switchboard.core.backend.impl;
