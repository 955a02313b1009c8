package dev.switchboard.transport.kit;

import io.vertx.core.Future;
import java.util.List;

/**
 * Answers {@code completion/complete} with candidate values; the server keeps the first 100 and fills in
 * {@code total} and {@code hasMore}.
 */
@FunctionalInterface
public interface CompletionHandler {
  Future<List<String>> complete(RequestContext ctx, CompletionRequest request);
}
