package io.tabula.engine.residue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tabula serve} in a JVM of its own, started from the test's class path, so that nothing the
 * test JVM holds (it knows every card number) can be mistaken for the engine's residue. Its heap is
 * never collected (see {@link #NEVER_COLLECT}). It reads the engine's console for the "listening"
 * and admin lines, takes heap dumps with {@code jcmd}, and stops the engine like an operator would
 * (SIGTERM, then the engine's own shutdown).
 *
 * <pre>{@code
 * try (EngineProcess engine = EngineProcess.start(options)) {
 *   InetSocketAddress agi = engine.agiAddress();
 *   ...
 *   engine.heapDump(dumpFile);
 * }
 * }</pre>
 */
public final class EngineProcess implements AutoCloseable {

  private static final long CORE_DISK_NEED = 8L << 30;

  private static final Pattern LISTENING =
      Pattern.compile("listening for FastAGI on ([0-9.]+):(\\d+)");

  /**
   * The engine runs with Epsilon, the GC that never collects: every object it ever allocates stays
   * in the heap, so the heap dump shows garbage from the first call on. With a collecting GC a dump
   * only holds what is reachable plus garbage made since the last collection; a card number that
   * once became a String and was collected would go unseen (measured: a deliberate leak of one
   * String per call was found 0 times under G1 and 1,000 times under Epsilon). 1,000 calls allocate
   * about 500 MB.
   */
  static final List<String> NEVER_COLLECT =
      List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+UseEpsilonGC", "-Xmx3g");

  private static final Pattern ADMIN = Pattern.compile("on http://([0-9.]+):(\\d+)/health");

  /**
   * How to start the engine.
   *
   * @param workingDir the engine's current directory (relative log files land here)
   * @param jvmOptions extra JVM options, e.g. {@code -Djava.io.tmpdir=...}
   * @param arguments arguments after {@code serve}, e.g. {@code --config tabula.yaml}
   * @param environment variables added to the inherited environment
   */
  public record Options(
      Path workingDir,
      List<String> jvmOptions,
      List<String> arguments,
      Map<String, String> environment) {}

  private final Process process;
  private final CompletableFuture<InetSocketAddress> agi = new CompletableFuture<>();
  private final CompletableFuture<InetSocketAddress> admin = new CompletableFuture<>();

  private EngineProcess(Process process) {
    this.process = process;
    Thread.ofVirtual().name("engine-console").start(this::readConsole);
  }

  public static EngineProcess start(Options options) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(javaTool("java"));
    command.addAll(List.of("--enable-native-access=ALL-UNNAMED"));
    command.addAll(NEVER_COLLECT);
    command.addAll(options.jvmOptions());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.tabula.engine.cli.TabulaCommand",
            "serve"));
    command.addAll(options.arguments());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(options.workingDir().toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(options.environment());
    return new EngineProcess(builder.start());
  }

  private void readConsole() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        complete(agi, LISTENING.matcher(line));
        complete(admin, ADMIN.matcher(line));
      }
    } catch (IOException e) {
      agi.completeExceptionally(e);
    }
    IllegalStateException exited =
        new IllegalStateException(
            "the engine exited before it listened; run the test alone and read its console");
    agi.completeExceptionally(exited);
    admin.completeExceptionally(exited);
  }

  private static void complete(CompletableFuture<InetSocketAddress> address, Matcher line) {
    if (line.find()) {
      address.complete(new InetSocketAddress(line.group(1), Integer.parseInt(line.group(2))));
    }
  }

  /** Waits for the engine's "listening for FastAGI" line. */
  public InetSocketAddress agiAddress() throws Exception {
    return agi.get(60, TimeUnit.SECONDS);
  }

  /** Waits for the line that names the /health and /metrics endpoint. */
  public InetSocketAddress adminAddress() throws Exception {
    return admin.get(60, TimeUnit.SECONDS);
  }

  long pid() {
    return process.pid();
  }

  /** A heap dump with unreachable objects too ({@code jcmd <pid> GC.heap_dump -all}). */
  void heapDump(Path file) throws Exception {
    Process dump =
        new ProcessBuilder(
                javaTool("jcmd"), Long.toString(pid()), "GC.heap_dump", "-all", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!dump.waitFor(120, TimeUnit.SECONDS) || !Files.exists(file)) {
      dump.destroyForcibly();
      throw new IllegalStateException("jcmd did not write the heap dump; it said: " + output);
    }
  }

  /**
   * A core dump of the whole engine process with gdb's {@code gcore}: the Java heap, Netty's direct
   * buffers, the JDK's native buffers and every other mapping the kernel would put in a core.
   * Mappings marked {@code MADV_DONTDUMP} are left out by design: the call memory pool asks for
   * that, so that a crash never writes a call's digits to disk. The process is stopped while gcore
   * reads it and runs on afterwards.
   *
   * @return the core file; gcore names it {@code <prefix>.<pid>}
   * @throws CoreDumpUnavailable when gcore is missing or may not attach to the engine (ptrace)
   */
  Path coreDump(Path prefix) throws Exception {
    Path gcore = Path.of("/usr/bin/gcore");
    if (!Files.isExecutable(gcore)) {
      throw new CoreDumpUnavailable(
          "gdb's gcore is not installed at " + gcore + "; install the Debian package gdb");
    }
    // The core holds every mapping the engine touched (about 6 GB with the residue test's
    // never-collecting 3 GB heap); a disk that fills half-way would leave a core that scans clean.
    long free = Files.getFileStore(prefix.getParent()).getUsableSpace();
    if (free < CORE_DISK_NEED) {
      throw new CoreDumpUnavailable(
          "the core dump needs about %d GB free in %s and only %d MB are; free some space or point java.io.tmpdir elsewhere"
              .formatted(CORE_DISK_NEED >> 30, prefix.getParent(), free >> 20));
    }
    Process dump =
        new ProcessBuilder(gcore.toString(), "-o", prefix.toString(), Long.toString(pid()))
            .redirectErrorStream(true)
            .start();
    String output = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Path core = Path.of(prefix + "." + pid());
    if (!dump.waitFor(300, TimeUnit.SECONDS)) {
      dump.destroyForcibly();
      throw new IllegalStateException("gcore did not finish in 5 minutes; it said: " + output);
    }
    if (!Files.exists(core)) {
      throw new CoreDumpUnavailable(
          "gcore could not attach to the engine (ptrace not permitted? see"
              + " /proc/sys/kernel/yama/ptrace_scope or the container's seccomp profile); it"
              + " said: "
              + lastLines(output));
    }
    return core;
  }

  /** Why a core dump could not be taken on this machine: the test skips that scan and says so. */
  static final class CoreDumpUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    CoreDumpUnavailable(String reason) {
      super(reason);
    }
  }

  private static String lastLines(String output) {
    List<String> lines = output.lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }

  /**
   * SIGTERM and wait for the engine's own shutdown; the exit code, or -1 if it had to be killed.
   */
  public int stop() throws InterruptedException {
    process.destroy();
    if (process.waitFor(40, TimeUnit.SECONDS)) {
      return process.exitValue();
    }
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    return -1;
  }

  /** Stops the engine if it still runs; never leaves it behind, even when interrupted. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    try {
      stop();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String javaTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }
}
