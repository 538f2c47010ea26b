package io.tabula.engine.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tabula serve} in a JVM of its own, from the test's class path, so that a test can see
 * whether it starts, what it prints, and with which exit status it refuses. The console (stdout and
 * stderr together) is kept line by line; {@link #awaitLine} waits for a line, never by sleeping.
 *
 * <pre>{@code
 * try (ServeProcess serve = ServeProcess.start(List.of(), config, "--demo")) {
 *   InetSocketAddress agi = serve.agiAddress();
 * }
 * }</pre>
 */
final class ServeProcess implements AutoCloseable {

  private static final Pattern LISTENING =
      Pattern.compile("listening for FastAGI on ([0-9.]+):(\\d+)");
  private static final Duration START = Duration.ofSeconds(90);

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private boolean ended;

  private ServeProcess(Process process) {
    this.process = process;
    Thread.ofVirtual().name("serve-console").start(this::readConsole);
  }

  /**
   * @param prefix a command that runs the JVM, e.g. {@code prlimit --memlock=...}; empty for none
   * @param config the YAML file for {@code --config}
   * @param arguments further arguments of {@code serve}
   */
  static ServeProcess start(List<String> prefix, Path config, String... arguments)
      throws IOException {
    return start(prefix, List.of(), null, config, arguments);
  }

  /**
   * As {@link #start(List, Path, String...)}, in {@code workingDir} (null: the test's) with these
   * JVM options (e.g. {@code -Djava.io.tmpdir=...}).
   */
  static ServeProcess start(
      List<String> prefix,
      List<String> jvmOptions,
      Path workingDir,
      Path config,
      String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1"));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            TabulaCommand.class.getName(),
            "serve",
            "--config",
            config.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (workingDir != null) {
      builder.directory(workingDir.toFile());
    }
    return new ServeProcess(builder.start());
  }

  private void readConsole() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process ended; what it printed so far is kept.
    }
    synchronized (lines) {
      ended = true;
      lines.notifyAll();
    }
  }

  /** The first console line that matches, waiting until it comes or the console closes. */
  Matcher awaitLine(Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + START.toNanos();
    synchronized (lines) {
      for (int next = 0; ; ) {
        for (; next < lines.size(); next++) {
          Matcher match = pattern.matcher(lines.get(next));
          if (match.find()) {
            return match;
          }
        }
        long left = deadline - System.nanoTime();
        if (ended || left <= 0) {
          throw new AssertionError(
              "serve printed no line matching " + pattern + "; it printed:\n" + output());
        }
        TimeUnit.NANOSECONDS.timedWait(lines, left);
      }
    }
  }

  /** Waits for the "listening for FastAGI" line. */
  InetSocketAddress agiAddress() throws InterruptedException {
    Matcher line = awaitLine(LISTENING);
    return new InetSocketAddress(line.group(1), Integer.parseInt(line.group(2)));
  }

  /** Waits for serve to exit by itself and returns its status; fails if it keeps running. */
  int exitStatus() throws InterruptedException {
    if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("serve did not exit; it printed:\n" + output());
    }
    synchronized (lines) {
      while (!ended) {
        lines.wait();
      }
    }
    return process.exitValue();
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /**
   * Sends SIGTERM, as an orchestrator does, without waiting. Through the process handle: {@code
   * Process.destroy()} also closes our end of its console, so its last lines would be lost.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  /** SIGKILL, as a node that dies or an OOM killer: no shutdown hook runs. */
  void kill() {
    process.toHandle().destroyForcibly();
  }

  long pid() {
    return process.pid();
  }

  /** Stops serve if it still runs (SIGTERM, then kill); never leaves it behind. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
