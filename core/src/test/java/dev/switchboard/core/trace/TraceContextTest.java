package dev.switchboard.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parsing and deriving W3C {@code traceparent} values. */
class TraceContextTest {
  private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void aValidHeaderIsParsedAndWrittenBackUnchanged() {
    TraceContext trace = TraceContext.parse(VALID);

    assertThat(trace.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(trace.header()).isEqualTo(VALID);
  }

  @Test
  void malformedOrForbiddenHeadersAreIgnored() {
    assertThat(TraceContext.parse(null)).isNull();
    assertThat(TraceContext.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isNull();
    assertThat(TraceContext.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
    assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isNull();
    assertThat(TraceContext.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
    assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7")).isNull();
    assertThat(TraceContext.parse("00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
    assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x")).isNull();
    assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01")).isNull();
    assertThat(TraceContext.parse("0g-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
    assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0G")).isNull();
    assertThat(TraceContext.parse(" " + VALID + "\t").header()).as("surrounding spaces").isEqualTo(VALID);
  }

  @Test
  void aChildKeepsTheTraceAndFlagsWithANewSpan() {
    TraceContext parent = TraceContext.parse(VALID);
    TraceContext child = parent.child();

    assertThat(child.traceId()).isEqualTo(parent.traceId());
    assertThat(child.flags()).isEqualTo("01");
    assertThat(child.spanId()).isNotEqualTo(parent.spanId()).matches("[0-9a-f]{16}");
  }

  @Test
  void aNewRootIsAValidSampledHeader() {
    String header = TraceContext.newRoot().header();

    assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(TraceContext.parse(header)).isNotNull();
  }
}
