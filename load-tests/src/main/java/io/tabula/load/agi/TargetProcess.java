package io.tabula.load.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
public final class TargetProcess implements AutoCloseable {

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
    List<String> command = new ArrayList<>();
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

  public long pid() {
    return process.pid();
  }

  /** Asks the target for its memory figures and reads its RSS from /proc. */
  public TargetStats stats() throws IOException {
    stdin.write("stats\n".getBytes(StandardCharsets.US_ASCII));
    stdin.flush();
    String line = await("STATS", Duration.ofSeconds(10));
    return TargetStats.parse(line, rssKiB());
  }

  /** VmRSS of the target process, in KiB. */
  public long rssKiB() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.substring("VmRSS:".length()).replace("kB", "").trim());
      }
    }
    throw new IOException("/proc/" + process.pid() + "/status has no VmRSS line; is this Linux?");
  }

  /** CPU time (user + system) the target has used so far, in milliseconds. */
  public long cpuMillis() throws IOException {
    return cpuMillisOf(process.pid());
  }

  /**
   * utime + stime of a process from {@code /proc/<pid>/stat} (fields 14 and 15, in clock ticks of
   * 10 ms: USER_HZ is 100 on Linux x86-64).
   */
  static long cpuMillisOf(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
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
