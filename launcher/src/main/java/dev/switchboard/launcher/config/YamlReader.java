package dev.switchboard.launcher.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Parses YAML text into a Jackson tree, rejecting what Jackson would otherwise read silently wrong: duplicate keys
 * (the last would win), aliases ({@code *name} would read as the string {@code "name"}) and a second document
 * (it would be ignored). Syntax errors are reported at the line and column where the YAML parser found them.
 *
 * <p>The tree is built here from the parser's tokens, in the same pass as the checks, with no {@code ObjectMapper}:
 * creating Jackson's first mapper sets up its date format, and with it the JDK's locale data, about 75 ms of every
 * start (docs/performance.md, round 9).
 */
final class YamlReader {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlReader() {
  }

  /** @return the document's tree; missing or null for an empty document */
  static JsonNode read(String text) {
    try (YAMLParser parser = YAML.createParser(text)) {
      return tree(parser);
    } catch (JsonProcessingException e) {
      throw syntaxError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(YAMLParser parser) throws IOException {
    Deque<ContainerNode<?>> open = new ArrayDeque<>();
    JsonNode root = MissingNode.getInstance();
    String field = null;
    int documents = 0;
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      if (open.isEmpty() && ++documents > 1) {
        throw new ConfigException(location(parser.currentTokenLocation()), "more than one YAML document");
      }
      if (parser.isCurrentAlias()) {
        throw new ConfigException(pathOf(parser.getParsingContext()),
          "YAML aliases (*" + parser.getText() + ") are not supported; write the value out");
      }
      if (token == JsonToken.FIELD_NAME) {
        field = parser.currentName();
        if (((ObjectNode) open.element()).has(field)) {
          throw new ConfigException(pathOf(parser.getParsingContext()), "duplicate key");
        }
      } else if (token.isStructEnd()) {
        open.pop();
      } else {
        JsonNode value = value(parser, token);
        switch (open.peek()) {
          case null -> root = value;
          case ObjectNode object -> object.set(field, value);
          case ArrayNode array -> array.add(value);
          default -> throw new IllegalStateException("not a container: " + open.peek());
        }
        if (value instanceof ContainerNode<?> container) {
          open.push(container);
        }
      }
    }
    return root;
  }

  /** The node of a value token, as {@code ObjectMapper.readTree} would make it. */
  private static JsonNode value(YAMLParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> NODES.objectNode();
      case START_ARRAY -> NODES.arrayNode();
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
        ? NODES.numberNode(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT -> parser.getEmbeddedObject() instanceof byte[] bytes
        ? NODES.binaryNode(bytes) : NODES.pojoNode(parser.getEmbeddedObject());
      default -> throw new IllegalStateException("unexpected YAML token " + token);
    };
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
