package dev.switchboard.transport.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Incremental {@code text/event-stream} parser for tests (ids and data lines; comments and retry are skipped). */
final class KitEventReader {
  private final Consumer<KitEvent> sink;
  private final StringBuilder pending = new StringBuilder();
  private String id;
  private final List<String> data = new ArrayList<>();

  KitEventReader(Consumer<KitEvent> sink) {
    this.sink = sink;
  }

  static List<KitEvent> parseAll(String body) {
    List<KitEvent> events = new ArrayList<>();
    KitEventReader parser = new KitEventReader(events::add);
    parser.feed(body);
    return events;
  }

  void feed(String chunk) {
    pending.append(chunk);
    int newline;
    while ((newline = pending.indexOf("\n")) >= 0) {
      String line = pending.substring(0, newline);
      pending.delete(0, newline + 1);
      line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
  }

  private void line(String line) {
    if (line.isEmpty()) {
      if (id != null || !data.isEmpty()) {
        sink.accept(new KitEvent(id, String.join("\n", data)));
      }
      id = null;
      data.clear();
    } else if (line.startsWith("id:")) {
      id = value(line, 3);
    } else if (line.startsWith("data:")) {
      data.add(value(line, 5));
    }
  }

  private static String value(String line, int from) {
    String value = line.substring(from);
    return value.startsWith(" ") ? value.substring(1) : value;
  }
}
