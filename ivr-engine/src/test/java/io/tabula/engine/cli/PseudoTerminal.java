package io.tabula.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * A {@code tabula} command in its own JVM on a pseudo-terminal, as a person at a terminal runs it:
 * util-linux {@code script} gives the command a terminal and hands over what the test types, and
 * the screen is everything the terminal shows, the terminal's own echo included.
 *
 * <pre>{@code
 * try (PseudoTerminal terminal = PseudoTerminal.start("flows", "simulate", "city/parking-ticket.yaml")) {
 *   terminal.awaitScreen("[enter-ticket]");
 *   terminal.type("12345678#");
 * }
 * }</pre>
 */
final class PseudoTerminal implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(90);

  private final Process process;
  private final OutputStream keyboard;
  private final StringBuilder screen = new StringBuilder();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  private PseudoTerminal(Process process) {
    this.process = process;
    this.keyboard = process.getOutputStream();
    Thread.ofPlatform().daemon().name("pty-screen").start(this::readScreen);
  }

  static boolean available() {
    return Files.isExecutable(Path.of("/usr/bin/script"));
  }

  /** Runs {@code tabula <args>} on a new pseudo-terminal. */
  static PseudoTerminal start(String... args) throws IOException {
    List<String> java = new ArrayList<>();
    java.add(ProcessHandle.current().info().command().orElseThrow());
    java.add("--enable-native-access=ALL-UNNAMED");
    java.add("-cp");
    java.add(System.getProperty("java.class.path"));
    java.add(TabulaCommand.class.getName());
    java.addAll(List.of(args));
    String command = java.stream().map(word -> "'" + word + "'").collect(Collectors.joining(" "));
    return new PseudoTerminal(
        new ProcessBuilder("/usr/bin/script", "-q", "-e", "-f", "-c", command, "/dev/null")
            .redirectErrorStream(true)
            .start());
  }

  /** Presses {@code keys} on the keyboard, as fast as they go. */
  void type(String keys) throws IOException {
    keyboard.write(keys.getBytes(StandardCharsets.US_ASCII));
    keyboard.flush();
  }

  /** Waits until the screen shows {@code text}; fails with the screen so far after a while. */
  void awaitScreen(String text) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    lock.lock();
    try {
      while (screen.indexOf(text) < 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "the terminal never showed '" + text + "'; it shows:\n" + screen);
        }
        changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  String screen() {
    lock.lock();
    try {
      return screen.toString();
    } finally {
      lock.unlock();
    }
  }

  /** Waits for the command to end and returns its exit status. */
  int exitStatus() throws InterruptedException {
    if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("the command did not end; the terminal shows:\n" + screen());
    }
    return process.exitValue();
  }

  private void readScreen() {
    byte[] buffer = new byte[4096];
    try (InputStream output = process.getInputStream()) {
      for (int read; (read = output.read(buffer)) > 0; ) {
        String text = new String(buffer, 0, read, StandardCharsets.UTF_8);
        lock.lock();
        try {
          screen.append(text);
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      }
    } catch (IOException e) {
      // The process ended.
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
