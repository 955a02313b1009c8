package dev.switchboard.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link YamlReader} builds the tree itself; it must be the tree Jackson's own mapper reads from the same text. Its
 * rejections (duplicate keys, aliases, a second document) are tested in {@link StructureValidationTest}.
 */
class YamlReaderTest {
  private static final YAMLMapper MAPPER = new YAMLMapper();

  static Stream<String> documents() throws IOException {
    List<String> examples;
    try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
      examples = files.filter(file -> file.toString().endsWith(".yaml")).sorted().map(YamlReaderTest::text).toList();
    }
    assertThat(examples).isNotEmpty();
    return Stream.concat(examples.stream(), Stream.of(
      "a: 1\nb: -2147483649\nc: 9223372036854775808\nd: 0x1F\ne: 0o17\n",
      "f: 1.5\ng: -0.25e-3\nj: 1e400\n",
      "k: true\nl: False\nm: ~\nn: null\no:\np: ''\nq: \"x\\ty\"\nr: 'it''s'\n",
      "list:\n  - 1\n  - [2, {x: y}]\n  - {}\n  - []\n  - - nested\n",
      "block: |\n  two\n  lines\nfolded: >\n  one\n  line\n",
      "bin: !!binary aGVsbG8=\nstr: !!str 12\n",
      "- top\n- level\n- list\n",
      "just a string\n",
      "42\n",
      "~\n",
      ""));
  }

  @ParameterizedTest
  @MethodSource("documents")
  void theTreeIsTheOneJacksonsMapperReads(String yaml) throws IOException {
    JsonNode expected = MAPPER.readTree(yaml);

    JsonNode actual = YamlReader.read(yaml);

    assertThat(actual).isEqualTo(expected);
    assertThat(actual.getNodeType()).isEqualTo(expected.getNodeType());
  }

  @Test
  void numbersKeepTheirKind() {
    JsonNode tree = YamlReader.read("int: 7\nlong: 8589934592\nbig: 99999999999999999999\nfloat: 2.5\n");

    assertThat(tree.get("int").isInt()).isTrue();
    assertThat(tree.get("long").isLong()).isTrue();
    assertThat(tree.get("big").isBigInteger()).isTrue();
    assertThat(tree.get("float").isDouble()).isTrue();
  }

  @Test
  void theSameKeyInTwoObjectsIsNoDuplicate() {
    JsonNode tree = YamlReader.read("- {name: a}\n- {name: b}\n");

    assertThat(tree.get(1).get("name").asText()).isEqualTo("b");
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
