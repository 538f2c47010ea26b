package io.tabula.load.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A target (engine or baseline) running in its own JVM, started from this JVM's class path, and
 * driven through {@link TargetControl}'s stdin/stdout protocol.
 *
 * <p>Example:
 *
 * <pre>{@code
 * try (TargetProcess t = TargetProcess.start("baseline", BaselineTarget.class.getName(),
 *     List.of("-Xmx1g"), List.of("--port", "0"), Duration.ofSeconds(30))) {
 *   int port = t.port();
 *   TargetStats s = t.stats();
 * }
 * }</pre>
 */
public final class TargetProcess implements LoadTarget {

  private final String name;
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final OutputStream stdin;
  private final int port;

  private TargetProcess(String name, Process process, Duration startTimeout) throws IOException {
    this.name = name;
    this.process = process;
    this.stdin = process.getOutputStream();
    Thread.ofPlatform().daemon().name("target-" + name + "-stdout").start(this::pumpStdout);
    this.port = awaitReady(startTimeout);
  }

  /** Starts {@code mainClass} in a new JVM and waits for its READY line. */
  public static TargetProcess start(
      String name, String mainClass, List<String> jvmArgs, List<String> args, Duration startTimeout)
      throws IOException {
    return start(name, "", mainClass, jvmArgs, args, startTimeout);
  }

  /**
   * Like {@link #start(String, String, List, List, Duration)}, pinned with {@code taskset -c cpus}
   * unless {@code cpus} is empty (the pid stays the JVM's: taskset execs it).
   */
  public static TargetProcess start(
      String name,
      String cpus,
      String mainClass,
      List<String> jvmArgs,
      List<String> args,
      Duration startTimeout)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (!cpus.isEmpty()) {
      command.addAll(List.of("taskset", "-c", cpus));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      return new TargetProcess(name, process, startTimeout);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** Asks the target for its memory figures and reads its RSS from /proc. */
  @Override
  public TargetStats stats() throws IOException {
    stdin.write("stats\n".getBytes(StandardCharsets.US_ASCII));
    stdin.flush();
    String line = await("STATS", Duration.ofSeconds(10));
    return TargetStats.parse(line, Rss.kibOf(process.pid()));
  }

  private int awaitReady(Duration timeout) throws IOException {
    String ready = await("READY", timeout);
    return Integer.parseInt(ready.substring(ready.indexOf("port=") + 5).trim());
  }

  private String await(String prefix, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith(prefix)) {
          return line;
        }
        if (line == null && !process.isAlive()) {
          throw new IOException(
              "Target " + name + " exited with " + process.exitValue() + "; see its output above.");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting for target " + name, e);
    }
    throw new IOException(
        "Target " + name + " did not print " + prefix + " within " + timeout.toSeconds() + " s.");
  }

  private void pumpStdout() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("READY") || line.startsWith("STATS")) {
          lines.add(line);
        } else {
          System.err.println("[" + name + "] " + line);
        }
      }
    } catch (IOException e) {
      // The target ended; await() notices through isAlive().
    }
  }

  /** Asks the target to quit, then makes sure it is gone. */
  @Override
  public void close() {
    try {
      stdin.write("quit\n".getBytes(StandardCharsets.US_ASCII));
      stdin.flush();
      stdin.close();
    } catch (IOException e) {
      // Already gone.
    }
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
