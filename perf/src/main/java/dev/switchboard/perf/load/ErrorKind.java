package dev.switchboard.perf.load;

/** Why a request failed, as counted in a {@link LoadResult}. */
public enum ErrorKind {
  /** An HTTP status other than the one the protocol expects. */
  HTTP_STATUS,
  /** A JSON-RPC error object in the answer. */
  JSON_RPC,
  /** A {@code tools/call} result with {@code isError: true}. */
  TOOL_ERROR,
  /** An answer that is not what was asked for: bad JSON, wrong id, missing result, wrong text. */
  VALIDATION,
  /** No complete answer within the request timeout. */
  TIMEOUT,
  /** The TCP connection could not be opened. */
  CONNECT,
  /** The connection failed or closed during the exchange. */
  IO,
  /** Open loop only: the request was due while the in-flight bound was reached, so it was not sent. */
  BACKLOG
}
