/**
 * Outgoing SSE streams of a session: the answer streams of POSTs and the standalone GET stream. Every event gets an
 * id that names its stream ({@link dev.switchboard.transport.stream.EventIds}), is kept in the session's
 * {@code EventLog} and written to whichever HTTP response is attached, so a client can resume a stream with
 * {@code Last-Event-ID} after a disconnect or when the server closes a stream for polling.
 */
package dev.switchboard.transport.stream;
