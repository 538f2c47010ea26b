package io.tabula.ops.asterisk;

import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Asterisk 22.10.1 of /work/shared/asterisk (see its README), run in the foreground from a
 * test's own folder with the configuration files the test wrote to {@link #etc()}; the test is
 * skipped where that Asterisk is not installed. {@code close()} stops it.
 *
 * <pre>{@code
 * try (RealAsterisk asterisk = RealAsterisk.prepare(tempDir)) {
 *   Files.writeString(asterisk.etc().resolve("manager.conf"), "...");
 *   asterisk.start();
 *   String shown = asterisk.remote("manager show users");
 * }
 * }</pre>
 */
public final class RealAsterisk implements AutoCloseable {

  public static final Path HOME = Path.of("/work/shared/asterisk");

  private final Path dir;
  private final Path etc;
  private Process process;

  private RealAsterisk(Path dir, Path etc) {
    this.dir = dir;
    this.etc = etc;
  }

  /** Writes asterisk.conf (folders under {@code dir}) and a logger.conf; skips without Asterisk. */
  public static RealAsterisk prepare(Path dir) throws IOException {
    assumeThat(Files.isExecutable(HOME.resolve("bin/asterisk")))
        .as("a real Asterisk in " + HOME + " (see its README)")
        .isTrue();
    Path etc = Files.createDirectories(dir.resolve("etc"));
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.createSymbolicLink(data.resolve("documentation"), HOME.resolve("documentation"));
    List<String> conf = new ArrayList<>(List.of("[directories]"));
    conf.add("astetcdir => " + etc);
    conf.add("astmoddir => " + HOME.resolve("modules"));
    conf.add("astdatadir => " + data);
    for (String name :
        List.of("astvarlibdir", "astdbdir", "astkeydir", "astspooldir", "astrundir", "astlogdir")) {
      conf.add(name + " => " + Files.createDirectories(dir.resolve(name)));
    }
    conf.add("[options]");
    Files.write(etc.resolve("asterisk.conf"), conf);
    Files.writeString(etc.resolve("logger.conf"), "[logfiles]\nmessages.log => notice\n");
    return new RealAsterisk(dir, etc);
  }

  /** Where the test writes modules.conf, manager.conf, extensions.conf and the like. */
  public Path etc() {
    return etc;
  }

  /** Starts Asterisk and waits until it has fully booted. */
  public void start() throws IOException {
    process =
        new ProcessBuilder(binary(), "-C", config(), "-f", "-n")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("asterisk.out").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> remote("core waitfullybooted").contains("fully booted"));
  }

  /** Runs one CLI command on the running Asterisk and returns what it printed. */
  public String remote(String command) throws IOException, InterruptedException {
    Process remote =
        new ProcessBuilder(binary(), "-C", config(), "-rx", command)
            .redirectErrorStream(true)
            .start();
    String output = new String(remote.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    remote.waitFor(20, TimeUnit.SECONDS);
    return output;
  }

  @Override
  public void close() throws IOException {
    if (process == null) {
      return;
    }
    try {
      remote("core stop now");
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String binary() {
    return HOME.resolve("bin/asterisk").toString();
  }

  private String config() {
    return etc.resolve("asterisk.conf").toString();
  }
}
