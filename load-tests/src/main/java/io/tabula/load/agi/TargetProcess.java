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

  /**
   * Context switches of all the target's threads so far (voluntary + involuntary, from {@code
   * /proc/<pid>/task/<tid>/status}). Threads that already ended are not counted, so read it while
   * the target's pools are up.
   */
  public long contextSwitches() throws IOException {
    long total = 0;
    try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        total += switchesOf(task.resolve("status"));
      }
    }
    return total;
  }

  private static long switchesOf(Path status) {
    long n = 0;
    try {
      for (String l : Files.readAllLines(status)) {
        if (l.startsWith("voluntary_ctxt_switches:")
            || l.startsWith("nonvoluntary_ctxt_switches:")) {
          n += Long.parseLong(l.substring(l.indexOf(':') + 1).trim());
        }
      }
    } catch (IOException e) {
      // The thread ended between listing and reading: its switches are gone with it.
    }
    return n;
  }

  /**
   * CPU time (user + system) of the target's live JIT compiler threads, in milliseconds: the
   * one-off cost of compiling, which the measured run should not be charged for when the warm-up
   * was too short for the machine (on 2 shared cores C2 was still busy after 30 s).
   */
  public long jitCpuMillis() throws IOException {
    long total = 0;
    try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        total += jitMillisOf(task);
      }
    }
    return total;
  }

  private static long jitMillisOf(Path task) {
    try {
      String stat = Files.readString(task.resolve("stat"));
      String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!comm.startsWith("C1 Compiler") && !comm.startsWith("C2 Compiler")) {
        return 0;
      }
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    } catch (IOException e) {
      return 0; // the thread ended between listing and reading
    }
  }

  /** The 1-minute load average of the machine, from {@code /proc/loadavg}. */
  static double loadAverage() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
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
