package dev.switchboard.perf.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx as a plain reverse proxy in front of one upstream: {@code proxy_pass} over a keep-alive upstream, one worker,
 * no access log, the client's {@code Host} passed on (the stub accepts loopback hosts only), bound to 127.0.0.1 on a free port, configuration and temp files in a private directory, run in the
 * foreground ({@code daemon off}) so it stops with this process.
 */
public final class NginxProcess implements AutoCloseable {
  private static final List<String> CANDIDATES = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx",
    "/usr/local/nginx/sbin/nginx", "/usr/bin/nginx");

  private final Process process;
  private final int port;
  private final Path dir;

  private NginxProcess(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** The nginx binary, or null when it is not installed. */
  public static Path binary() {
    for (String candidate : CANDIDATES) {
      Path path = Path.of(candidate);
      if (Files.isExecutable(path)) {
        return path;
      }
    }
    String pathEnv = System.getenv("PATH");
    if (pathEnv != null) {
      for (String entry : pathEnv.split(":")) {
        Path path = Path.of(entry, "nginx");
        if (!entry.isEmpty() && Files.isExecutable(path)) {
          return path;
        }
      }
    }
    return null;
  }

  /** The version line of {@code nginx -v}. */
  public static String version(Path binary) {
    try {
      return Commands.run(List.of(binary.toString(), "-v"), 10).strip();
    } catch (RuntimeException e) {
      return "unknown";
    }
  }

  /** Starts nginx proxying to 127.0.0.1:{@code upstreamPort}; waits (at most 10 s) until it listens. */
  public static NginxProcess start(Path binary, int upstreamPort, Path workDir) {
    int port = Ports.free();
    try {
      Path dir = Files.createDirectories(workDir.resolve("nginx").toAbsolutePath());
      Files.createDirectories(dir.resolve("tmp"));
      Files.createDirectories(dir.resolve("logs"));
      Path conf = dir.resolve("nginx.conf");
      Files.writeString(conf, config(dir, port, upstreamPort));
      List<String> command = List.of(binary.toString(), "-p", dir.toString(), "-c", conf.toString(),
        "-e", dir.resolve("logs/error.log").toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
      NginxProcess nginx = new NginxProcess(process, port, dir);
      if (!Ports.awaitListening(port, process, Duration.ofSeconds(10))) {
        nginx.close();
        Path log = dir.resolve("logs/error.log");
        throw new IllegalStateException("nginx did not start: " + (Files.exists(log) ? Files.readString(log)
          : Files.readString(dir.resolve("logs/stdout.log"))));
      }
      return nginx;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start nginx: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String config(Path dir, int port, int upstreamPort) {
    String tmp = dir.resolve("tmp").toString();
    return """
      daemon off;
      master_process on;
      worker_processes 1;
      pid %1$s/nginx.pid;
      error_log %1$s/logs/error.log warn;
      events { worker_connections 4096; }
      http {
        access_log off;
        client_body_temp_path %2$s/body;
        proxy_temp_path %2$s/proxy;
        fastcgi_temp_path %2$s/fastcgi;
        uwsgi_temp_path %2$s/uwsgi;
        scgi_temp_path %2$s/scgi;
        client_max_body_size 16m;
        upstream stub {
          server 127.0.0.1:%4$d;
          keepalive 256;
        }
        server {
          listen 127.0.0.1:%3$d;
          location / {
            proxy_pass http://stub;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_buffering off;
          }
        }
      }
      """.formatted(dir, tmp, port, upstreamPort);
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://" + Ports.LOOPBACK + ":" + port + "/mcp";
  }

  public Path dir() {
    return dir;
  }

  /** The master and its workers. */
  public List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    pids.add(process.pid());
    process.toHandle().children().forEach(child -> pids.add(child.pid()));
    return pids;
  }

  /** CPU time of master and workers together, user and system; null when it cannot be read. */
  public CpuTime cpuTime() {
    return ProcessCpu.times(pids());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
