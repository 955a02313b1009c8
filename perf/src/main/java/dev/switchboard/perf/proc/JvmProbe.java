package dev.switchboard.perf.proc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads another JVM's own accounting with {@code jcmd}: live heap after a full GC, the class histogram, and JFR
 * recordings. Each call is bounded by {@link #TIMEOUT_SECONDS}.
 */
public final class JvmProbe {
  static final int TIMEOUT_SECONDS = 120;
  /** One CPU-time sample per this much of a thread's CPU time (smaller costs the measured JVM visibly more). */
  static final String CPU_TIME_SAMPLE_PERIOD = "5ms";
  /**
   * Frames kept per sampled stack. JFR's default, 64, cuts a Vert.x call's stacks (up to 127 frames deep on the
   * gateway), and a cut stack loses its outer frames, where the inclusive ranking looks.
   */
  static final int STACK_DEPTH = 512;
  private static final Pattern HEAP_USED = Pattern.compile("heap.*?used (\\d+)K");
  private static final Pattern HISTO_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
  private static final Pattern HISTO_TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)", Pattern.MULTILINE);

  /** One class of the histogram. */
  public record ClassUsage(String className, long instances, long bytes) {
  }

  /** A class histogram: the classes in the order jcmd printed them (largest first) and the totals. */
  public record Histogram(List<ClassUsage> classes, long instances, long bytes) {
  }

  private final long pid;

  public JvmProbe(long pid) {
    this.pid = pid;
  }

  private String jcmd(String... args) {
    List<String> command = new ArrayList<>(List.of(Commands.jdkTool("jcmd"), Long.toString(pid)));
    command.addAll(List.of(args));
    return Commands.run(command, TIMEOUT_SECONDS);
  }

  /** Runs a full GC ({@code GC.run}) and returns the heap's used bytes from {@code GC.heap_info}. */
  public long heapUsedAfterGc() {
    jcmd("GC.run");
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = HEAP_USED.matcher(info.replace('\n', ' '));
    if (!m.find()) {
      throw new IllegalStateException("no 'used' figure in GC.heap_info: " + info);
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  /** {@code GC.class_histogram} (which runs a full GC first): live objects by class. */
  public Histogram classHistogram() {
    String text = jcmd("GC.class_histogram");
    List<ClassUsage> classes = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = HISTO_LINE.matcher(line);
      if (m.find()) {
        classes.add(new ClassUsage(m.group(3), Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
      }
    }
    Matcher total = HISTO_TOTAL.matcher(text);
    if (!total.find()) {
      throw new IllegalStateException("no Total line in GC.class_histogram");
    }
    return new Histogram(classes, Long.parseLong(total.group(1)), Long.parseLong(total.group(2)));
  }

  /**
   * Starts a JFR recording named {@code name} with the {@code profile} settings and Java execution samples every
   * millisecond (the default 10-20 ms gives too few samples in a short window). On a JVM that has CPU-time sampling
   * (JDK 25+, Linux: {@code jdk.CPUTimeSample}), also one sample per {@value #CPU_TIME_SAMPLE_PERIOD} of each
   * thread's CPU time, system calls included, which execution samples miss. An older JVM warns that the setting does
   * not exist and records without it (JDK 17 checked). Stacks are kept {@value #STACK_DEPTH} frames deep: set before
   * the JVM's first recording, since JFR keeps the depth it started with (a later {@code JFR.configure} only prints
   * the configuration).
   */
  public void jfrStart(String name) {
    jcmd("JFR.configure", "stackdepth=" + STACK_DEPTH);
    jcmd("JFR.start", "name=" + name, "settings=profile", "jdk.ExecutionSample#period=1ms",
      "jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=" + CPU_TIME_SAMPLE_PERIOD);
  }

  /** Stops recording {@code name} and writes it to {@code file}. */
  public void jfrStop(String name, Path file) {
    jcmd("JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
  }
}
