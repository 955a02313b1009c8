package dev.switchboard.launcher.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses YAML text into a Jackson tree, rejecting what Jackson would otherwise read silently wrong: duplicate keys
 * (the last would win), aliases ({@code *name} would read as the string {@code "name"}) and a second document
 * (it would be ignored). Syntax errors are reported at the line and column where the YAML parser found them.
 */
final class YamlReader {
  private static final YAMLMapper YAML = new YAMLMapper();

  private YamlReader() {
  }

  /** @return the document's tree; missing or null for an empty document */
  static JsonNode read(String text) {
    try {
      check(text);
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(String text) throws IOException {
    try (YAMLParser parser = YAML.getFactory().createParser(text)) {
      Deque<Set<String>> keys = new ArrayDeque<>();
      int depth = 0;
      int documents = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (depth == 0 && ++documents > 1) {
          throw new ConfigException(location(parser.currentTokenLocation()), "more than one YAML document");
        }
        if (parser.isCurrentAlias()) {
          throw new ConfigException(pathOf(parser.getParsingContext()),
            "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
        }
        switch (token) {
          case START_OBJECT -> keys.push(new HashSet<>());
          case END_OBJECT -> keys.pop();
          case FIELD_NAME -> {
            if (!keys.element().add(parser.currentName())) {
              throw new ConfigException(pathOf(parser.getParsingContext()), "duplicate key");
            }
          }
          default -> {
          }
        }
        depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
      }
    }
  }

  private static String pathOf(JsonStreamContext context) {
    List<JsonStreamContext> chain = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.addFirst(c);
    }
    String path = "";
    for (JsonStreamContext c : chain) {
      path = c.inArray() ? KeyPath.element(path, c.getCurrentIndex()) : KeyPath.child(path, c.getCurrentName());
    }
    return KeyPath.display(path);
  }

  private static ConfigException syntaxError(JsonProcessingException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        String context = marked.getContext() == null ? "" : " (" + marked.getContext()
          + (marked.getContextMark() == null ? "" : " that starts at " + location(marked.getContextMark())) + ")";
        return new ConfigException(location(marked.getProblemMark()), "invalid YAML: " + marked.getProblem() + context, e);
      }
    }
    return new ConfigException(location(e.getLocation()), "invalid YAML: " + e.getOriginalMessage(), e);
  }

  private static String location(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  private static String location(JsonLocation where) {
    return where == null ? KeyPath.ROOT : "line " + where.getLineNr() + ", column " + where.getColumnNr();
  }
}
