package dev.switchboard.perf.profile;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import java.util.Arrays;

/**
 * Summarises the CPU samples of a JFR file: where they landed (self), which methods were on the stack (inclusive,
 * counted once per sample), and which threads were sampled; and the {@code jdk.NativeMethodSample} events (threads
 * in native code: waiting in epoll or in a socket read or write). The CPU samples are the {@code jdk.CPUTimeSample}
 * events when the recording has any (JDK 25+: samples of each thread's CPU time, so the time spent in system calls
 * is counted where it was spent), else the {@code jdk.ExecutionSample} events (threads running Java code only).
 */
public final class TopFrames {
  private static final int TOP = 25;
  private static final String CPU_TIME_SAMPLE = "jdk.CPUTimeSample";
  private static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
  private static final String NATIVE_METHOD_SAMPLE = "jdk.NativeMethodSample";
  private final Ranking selfByMethod = new Ranking();
  private final Ranking selfByPackage = new Ranking();
  private final Ranking selfByLibrary = new Ranking();
  private final Ranking inclusiveByMethod = new Ranking();
  private final Ranking byThread = new Ranking();
  private final Ranking nativeByMethod = new Ranking();
  private long samples;
  private long truncated;
  private long nativeSamples;
  private final String sampleEvent;

  private TopFrames(String sampleEvent) {
    this.sampleEvent = sampleEvent;
  }

  /**
   * Reads {@code jfr} once and ranks its CPU-time samples, or its execution samples when it has no CPU-time ones; both
   * get the native-method samples.
   */
  public static TopFrames of(Path jfr) {
    TopFrames cpuTime = new TopFrames(CPU_TIME_SAMPLE);
    TopFrames execution = new TopFrames(EXECUTION_SAMPLE);
    try (RecordingFile file = new RecordingFile(jfr)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        switch (event.getEventType().getName()) {
          case CPU_TIME_SAMPLE -> cpuTime.add(event);
          case EXECUTION_SAMPLE -> execution.add(event);
          case NATIVE_METHOD_SAMPLE -> {
            cpuTime.addNative(event);
            execution.addNative(event);
          }
          default -> {
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + jfr + ": " + e.getMessage(), e);
    }
    return cpuTime.samples > 0 ? cpuTime : execution;
  }

  private void add(RecordedEvent event) {
    RecordedStackTrace stack = event.getStackTrace();
    if (stack == null || stack.getFrames().isEmpty()) {
      return;
    }
    samples++;
    if (stack.isTruncated()) {
      truncated++;
    }
    List<RecordedFrame> frames = stack.getFrames();
    RecordedFrame top = frames.get(0);
    String type = top.getMethod().getType().getName();
    selfByMethod.add(method(top));
    selfByPackage.add(packageOf(type));
    selfByLibrary.add(library(type));
    Set<String> seen = new HashSet<>();
    for (RecordedFrame frame : frames) {
      String name = method(frame);
      if (seen.add(name)) {
        inclusiveByMethod.add(name);
      }
    }
    RecordedThread thread = event.getThread(CPU_TIME_SAMPLE.equals(sampleEvent) ? "eventThread" : "sampledThread");
    byThread.add(thread == null ? "?" : threadGroup(thread.getJavaName()));
  }

  /** A thread sampled while in native code (epoll wait, socket reads and writes): its native frame. */
  private void addNative(RecordedEvent event) {
    RecordedStackTrace stack = event.getStackTrace();
    if (stack != null && !stack.getFrames().isEmpty()) {
      nativeSamples++;
      nativeByMethod.add(method(stack.getFrames().get(0)));
    }
  }

  public long samples() {
    return samples;
  }

  /** Samples whose stack was cut at the recording's depth: the inclusive ranking misses their outermost frames. */
  public long truncated() {
    return truncated;
  }

  public JsonObject toJson() {
    return new JsonObject().put("sampleEvent", sampleEvent).put("samples", samples).put("truncatedStacks", truncated)
      .put("selfByMethod", selfByMethod.toJson(TOP, samples))
      .put("selfByPackage", selfByPackage.toJson(TOP, samples))
      .put("selfByLibrary", selfByLibrary.toJson(TOP, samples))
      .put("inclusiveByMethod", inclusiveByMethod.toJson(40, samples))
      .put("byThread", byThread.toJson(TOP, samples))
      .put("nativeSamples", nativeSamples)
      .put("nativeByMethod", nativeByMethod.toJson(15, nativeSamples));
  }

  public String toText() {
    return sampleEvent + ": " + samples + " samples" + (truncated == 0 ? "" : ", " + truncated
      + " with their stack cut at the recording's depth (the inclusive ranking misses their outer frames)") + "\n\n"
      + selfByMethod.toText("Top frames, self (by method):", TOP, samples) + '\n'
      + selfByPackage.toText("Self by package:", TOP, samples) + '\n'
      + selfByLibrary.toText("Self by library:", 15, samples) + '\n'
      + inclusiveByMethod.toText("Inclusive (method anywhere on the stack):", 40, samples) + '\n'
      + byThread.toText("Samples by thread:", 15, samples) + '\n'
      + nativeByMethod.toText("jdk.NativeMethodSample (" + nativeSamples + " samples, threads in native code):", 15,
      nativeSamples);
  }

  private static String method(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static String packageOf(String type) {
    int dot = type.lastIndexOf('.');
    return dot < 0 ? "(default)" : type.substring(0, dot);
  }

  /** A coarse grouping: the first three package segments ({@code io.netty.buffer}, {@code dev.switchboard.core}). */
  static String library(String type) {
    String[] parts = packageOf(type).split("\\.");
    return String.join(".", Arrays.copyOf(parts, Math.min(3, parts.length)));
  }

  /** Thread names without their number ({@code vert.x-eventloop-thread-3} to {@code vert.x-eventloop-thread-N}). */
  private static String threadGroup(String name) {
    return name == null ? "?" : name.replaceAll("\\d+", "N");
  }
}
