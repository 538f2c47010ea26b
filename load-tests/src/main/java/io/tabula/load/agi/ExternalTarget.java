package io.tabula.load.agi;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A target started elsewhere (the C floor, an engine pinned with {@code taskset}, any FastAGI
 * server): the harness only connects to it and reads its process's CPU and RSS from {@code /proc}.
 * It reports no heap or direct-buffer figures (printed as -1), and the harness never stops it.
 *
 * <p>Example: {@code ExternalTarget.parse("floor=127.0.0.1:4690", 12345)}.
 */
record ExternalTarget(String name, InetSocketAddress address, long pid) implements LoadTarget {

  /**
   * {@code [name=]host:port}, as {@code --target} takes it; without a name the target is called
   * {@code external}.
   */
  static ExternalTarget parse(String spec, long pid) {
    int eq = spec.indexOf('=');
    String name = eq > 0 ? spec.substring(0, eq).trim() : "external";
    String hostPort = spec.substring(eq + 1).trim();
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException(
          "--target takes [name=]host:port, for example floor=127.0.0.1:4690; got a value of "
              + spec.length()
              + " characters without a host and port.");
    }
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--target's port must be a number, as in floor=127.0.0.1:4690.", e);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--target's port must be between 1 and 65535.");
    }
    if (pid <= 0) {
      throw new IllegalArgumentException(
          "--target-pid must be the target's process id (for example $! after starting it).");
    }
    return new ExternalTarget(name, new InetSocketAddress(hostPort.substring(0, colon), port), pid);
  }

  @Override
  public TargetStats stats() throws IOException {
    return new TargetStats(Rss.kibOf(pid), -1, -1, -1, 0, threadsOf(pid), -1);
  }

  private static int threadsOf(long pid) throws IOException {
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      return (int) tasks.count();
    }
  }

  /** Started elsewhere, stopped elsewhere: the script that started it ends it. */
  @Override
  public void close() {}
}
