package io.tabula.engine.asterisk;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Asterisk daemon in the foreground ({@code -f -n}, as docker/compose.yaml runs it: no {@code
 * -d}, verbose 3), its console copied to {@code console.txt} beside its folders. {@link #start}
 * returns once the console says "Asterisk Ready."; {@link #close} stops it and waits.
 *
 * <pre>{@code
 * try (AsteriskProcess pbx = AsteriskProcess.start(install, dir)) {
 *   String channels = pbx.cli("core show channels count");
 * }
 * }</pre>
 */
final class AsteriskProcess implements AutoCloseable {

  private final AsteriskInstall install;
  private final PbxDirectory dir;
  private final Process process;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();

  private AsteriskProcess(AsteriskInstall install, PbxDirectory dir, Process process) {
    this.install = install;
    this.dir = dir;
    this.process = process;
    Thread.ofVirtual().name("asterisk-console").start(this::copyConsole);
  }

  static AsteriskProcess start(AsteriskInstall install, PbxDirectory dir) throws Exception {
    Process process =
        new ProcessBuilder(
                install.daemon().toString(),
                "-C",
                dir.asteriskConf().toString(),
                "-f",
                "-n",
                "-T",
                "-vvv")
            .directory(dir.root().toFile())
            .redirectErrorStream(true)
            .start();
    AsteriskProcess pbx = new AsteriskProcess(install, dir, process);
    try {
      pbx.ready.get(60, TimeUnit.SECONDS);
      return pbx;
    } catch (Exception e) {
      pbx.close();
      throw e;
    }
  }

  private void copyConsole() {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter out = Files.newBufferedWriter(console(), StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        out.write(line);
        out.newLine();
        out.flush();
        if (line.contains("Asterisk Ready.")) {
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(
        new IllegalStateException(
            "Asterisk exited before it was ready; read " + console() + " for why"));
  }

  /** What the daemon printed on its console (verbose 3, no debug). */
  Path console() {
    return dir.root().resolve("console.txt");
  }

  PbxDirectory directory() {
    return dir;
  }

  /** Runs one CLI command through the control socket ({@code asterisk -rx}). */
  String cli(String command) throws IOException, InterruptedException {
    Process remote =
        new ProcessBuilder(
                List.of(
                    install.daemon().toString(),
                    "-C",
                    dir.asteriskConf().toString(),
                    "-rx",
                    command))
            .redirectErrorStream(true)
            .start();
    String output = new String(remote.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!remote.waitFor(30, TimeUnit.SECONDS)) {
      remote.destroyForcibly();
      throw new IllegalStateException("asterisk -rx did not return in 30 s");
    }
    return output;
  }

  /** SIGTERM (Asterisk's quick shutdown), then SIGKILL if it has not exited in 20 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
