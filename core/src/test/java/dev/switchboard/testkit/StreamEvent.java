package dev.switchboard.testkit;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One server-sent event as a test sees it. */
public record StreamEvent(String id, String data, Long retry) {

  public boolean hasData() {
    return data != null && !data.isEmpty();
  }

  /** An event with an id and no data: the priming event a 2025-11-25 stream starts with. */
  public boolean isPriming() {
    return id != null && !hasData();
  }

  public JsonObject json() {
    return new JsonObject(data);
  }

  /**
   * Parses complete events out of text; returns what is left (an incomplete event). As in a browser, only a block with
   * a {@code data} line is an event (a priming event has one, empty); a block with only {@code retry} or a comment is
   * not.
   */
  public static String parse(String text, List<StreamEvent> into) {
    String normalized = text.replace("\r\n", "\n");
    int end;
    while ((end = normalized.indexOf("\n\n")) >= 0) {
      String block = normalized.substring(0, end);
      normalized = normalized.substring(end + 2);
      String id = null;
      Long retry = null;
      List<String> data = new ArrayList<>();
      for (String line : block.split("\n")) {
        if (line.startsWith(":")) {
          continue;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
        switch (field) {
          case "id" -> {
            id = value;
          }
          case "data" -> {
            data.add(value);
          }
          case "retry" -> {
            retry = Long.parseLong(value);
          }
          default -> {
          }
        }
      }
      if (!data.isEmpty()) {
        into.add(new StreamEvent(id, String.join("\n", data), retry));
      }
    }
    return normalized;
  }
}
