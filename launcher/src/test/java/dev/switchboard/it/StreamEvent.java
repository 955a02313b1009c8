package dev.switchboard.it;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One server-sent event as a test sees it. */
public record StreamEvent(String id, String data, Long retry) {

  public boolean hasData() {
    return data != null && !data.isEmpty();
  }

  public JsonObject json() {
    return new JsonObject(data);
  }

  /** Parses complete events out of text; returns what is left (an incomplete event). */
  static String parse(String text, List<StreamEvent> into) {
    String normalized = text.replace("\r\n", "\n");
    int end;
    while ((end = normalized.indexOf("\n\n")) >= 0) {
      String block = normalized.substring(0, end);
      normalized = normalized.substring(end + 2);
      String id = null;
      Long retry = null;
      List<String> data = new ArrayList<>();
      boolean any = false;
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
            any = true;
          }
          case "data" -> {
            data.add(value);
            any = true;
          }
          case "retry" -> {
            retry = Long.parseLong(value);
            any = true;
          }
          default -> {
          }
        }
      }
      if (any) {
        into.add(new StreamEvent(id, data.isEmpty() ? null : String.join("\n", data), retry));
      }
    }
    return normalized;
  }
}
