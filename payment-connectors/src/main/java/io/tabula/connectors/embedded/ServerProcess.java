package io.tabula.connectors.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running {@code postgres} server. It is started from a thread of its own that lives exactly as
 * long as the server: {@code setpriv --pdeathsig} fires when the <em>thread</em> that started the
 * process ends, so starting it from a short-lived thread would kill the server early. The same
 * thread reads the server's log, announces readiness and keeps the last lines for error messages.
 */
final class ServerProcess {

  private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
  private static final String READY = "database system is ready to accept connections";
  private static final int KEPT_LINES = 30;

  private final CompletableFuture<Process> started = new CompletableFuture<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Deque<String> lastLines = new ArrayDeque<>();
  private volatile Process process;

  private ServerProcess() {}

  /** Starts the command and waits until the server accepts connections. */
  static ServerProcess start(List<String> command, Path workDirectory, Duration timeout) {
    ServerProcess server = new ServerProcess();
    Thread.ofPlatform()
        .name("tabula-postgres-" + System.identityHashCode(server))
        .daemon(true)
        .start(() -> server.run(command, workDirectory));
    server.awaitReady(timeout);
    return server;
  }

  private void run(List<String> command, Path workDirectory) {
    try {
      process =
          new ProcessBuilder(command)
              .directory(workDirectory.toFile())
              .redirectErrorStream(true)
              .start();
      started.complete(process);
      pump();
      process.waitFor();
      ready.completeExceptionally(new IllegalStateException("PostgreSQL exited during start"));
    } catch (IOException e) {
      started.completeExceptionally(e);
      ready.completeExceptionally(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pump() throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        remember(line);
        LOG.debug("postgres: {}", line);
        if (line.contains(READY)) {
          ready.complete(null);
        }
      }
    }
  }

  private synchronized void remember(String line) {
    if (lastLines.size() == KEPT_LINES) {
      lastLines.removeFirst();
    }
    lastLines.addLast(line);
  }

  synchronized String lastLines() {
    return String.join(System.lineSeparator(), lastLines);
  }

  private void awaitReady(Duration timeout) {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      stop(Duration.ofSeconds(5));
      throw new IllegalStateException(
          "PostgreSQL did not become ready within "
              + timeout.toSeconds()
              + " s; its log ends:"
              + System.lineSeparator()
              + lastLines(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(Duration.ofSeconds(5));
      throw new IllegalStateException("interrupted while PostgreSQL was starting", e);
    }
  }

  long pid() {
    return started.join().pid();
  }

  boolean isAlive() {
    Process current = process;
    return current != null && current.isAlive();
  }

  /**
   * Fast shutdown (SIGINT): open sessions are ended at once. SIGTERM would be a "smart" shutdown
   * that waits for every pooled connection to close, which never happens while pools are open.
   */
  void stop(Duration grace) {
    Process current = process;
    if (current == null || !current.isAlive()) {
      return;
    }
    signalInterrupt(current.pid());
    try {
      if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        current.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      current.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void signalInterrupt(long pid) {
    try {
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).start();
      kill.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
