package dev.switchboard.perf.proc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** Loopback ports: a free one to hand to a child process, and a check or a wait that one is listening. */
public final class Ports {
  public static final String LOOPBACK = "127.0.0.1";
  private static final long POLL_MILLIS = 20;

  private Ports() {
  }

  /** A port that was free a moment ago on 127.0.0.1. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on " + LOOPBACK, e);
    }
  }

  /**
   * Waits until {@code process} accepts connections on 127.0.0.1:{@code port}, polling every 20 ms; false when it
   * exits or {@code timeout} passes first. Blocks: never on an event loop.
   */
  public static boolean awaitListening(int port, Process process, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!listening(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return true;
  }

  /** True when something accepts connections on 127.0.0.1:{@code port}. */
  public static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
