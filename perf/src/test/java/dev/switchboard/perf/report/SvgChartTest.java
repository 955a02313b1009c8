package dev.switchboard.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class SvgChartTest {
  @Test
  void chartIsWellFormedSvgWithOneLinePerSeries() throws Exception {
    Map<String, JsonArray> series = new LinkedHashMap<>();
    series.put("direct", new JsonArray().add(new JsonArray().add(50.0).add(0.3)).add(new JsonArray().add(100.0)
      .add(4.0)));
    series.put("gateway <&>", new JsonArray().add(new JsonArray().add(50.0).add(1.2)).add(new JsonArray().add(99.9)
      .add(9.0)));
    String svg = SvgChart.render("c=16", series);
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
      .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
    assertThat(svg).doesNotContain("http://www.w3.org/1999/xlink").contains("gateway &lt;&amp;&gt;");
  }

  @Test
  void emptySeriesSaySo() {
    assertThat(SvgChart.render("none", Map.of("x", new JsonArray()))).contains("no samples");
  }
}
