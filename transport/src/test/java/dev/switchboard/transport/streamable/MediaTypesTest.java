package dev.switchboard.transport.streamable;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaTypesTest {

  @ParameterizedTest(name = "Accept {0} -> json+sse {1}, sse {2}")
  @CsvSource(delimiter = '|', value = {
    "application/json, text/event-stream | true | true",
    "text/event-stream, application/json | true | true",
    "application/json;q=0.9, text/event-stream;q=0.8 | true | true",
    "APPLICATION/JSON, TEXT/EVENT-STREAM | true | true",
    "*/* | true | true",
    "application/*, text/* | true | true",
    "application/json, text/* | true | true",
    "application/json | false | false",
    "text/event-stream | false | true",
    "text/html, application/xml | false | false",
    "application/json, text/event-stream;q=0 | false | false",
    "*/*, text/event-stream;q=0 | false | false",
    "*/*;q=0, application/json, text/event-stream | true | true",
    "application/json, text/event-stream;charset=utf-8 | true | true",
    "'' | false | false",
  })
  void acceptHeaders(String accept, boolean jsonAndSse, boolean sse) {
    assertThat(MediaTypes.acceptsJsonAndSse(accept)).isEqualTo(jsonAndSse);
    assertThat(MediaTypes.acceptsSse(accept)).isEqualTo(sse);
  }

  @Test
  void missingAcceptAcceptsNothing() {
    assertThat(MediaTypes.acceptsJsonAndSse(null)).isFalse();
    assertThat(MediaTypes.acceptsSse(null)).isFalse();
  }

  @ParameterizedTest(name = "Content-Type {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "application/json | true",
    "application/json; charset=utf-8 | true",
    "Application/JSON;charset=UTF-8 | true",
    "text/plain | false",
    "application/json-patch+json | false",
    "application/jsonx | false",
  })
  void contentTypes(String contentType, boolean json) {
    assertThat(MediaTypes.isJson(contentType)).isEqualTo(json);
  }

  @Test
  void missingContentTypeIsNotJson() {
    assertThat(MediaTypes.isJson(null)).isFalse();
  }
}
