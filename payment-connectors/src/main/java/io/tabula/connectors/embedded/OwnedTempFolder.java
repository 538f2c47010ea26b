package io.tabula.connectors.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A temporary folder that names the process owning it, so that a later run can tell a leftover of a
 * run that died (killed, or the machine stopped) from the folder of a run still going. The folder
 * is deleted when its owner closes it or, failing that, when the JVM exits (Ctrl-C included); only
 * SIGKILL or a crash leaves it behind, and then {@link #removeLeftovers} finds it.
 *
 * <pre>{@code
 * OwnedTempFolder.removeLeftovers(OwnedTempFolder.systemTemp(), Set.of("tabula-demo-"), Set.of());
 * try (OwnedTempFolder work = OwnedTempFolder.create("tabula-demo-")) {
 *   Files.writeString(work.path().resolve("notes.txt"), "...");
 * } // deleted here, or by the shutdown hook on Ctrl-C
 * }</pre>
 */
public final class OwnedTempFolder implements AutoCloseable {

  /** The marker in each folder: the owner's process id and start time. */
  static final String OWNER_FILE = ".tabula-owner";

  /**
   * A folder made before owners were marked is left alone while a process holds a file or its
   * working directory in it (a demo's log, a PostgreSQL server); this age keeps a folder from being
   * taken while its creator is still about to open something there.
   */
  private static final Duration UNMARKED_GRACE = Duration.ofMinutes(10);

  private final Path path;
  private final Thread deleteAtExit;
  private boolean closed;

  private OwnedTempFolder(Path path) {
    this.path = path;
    this.deleteAtExit = Thread.ofPlatform().unstarted(() -> deleteQuietly(path));
    Runtime.getRuntime().addShutdownHook(deleteAtExit);
  }

  /** Creates {@code <java.io.tmpdir>/<prefix><random>}, owner-only, marked as this process's. */
  public static OwnedTempFolder create(String prefix) throws IOException {
    return new OwnedTempFolder(createMarked(prefix));
  }

  /**
   * Creates a marked folder whose deletion the caller arranges itself (a server that must stop
   * before its folder goes).
   */
  public static Path createMarked(String prefix) throws IOException {
    Path path = Files.createTempDirectory(prefix);
    ProcessHandle self = ProcessHandle.current();
    Files.writeString(
        path.resolve(OWNER_FILE),
        self.pid() + " " + self.info().startInstant().map(Instant::toEpochMilli).orElse(0L),
        StandardCharsets.US_ASCII);
    return path;
  }

  public static Path systemTemp() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }

  public Path path() {
    return path;
  }

  /**
   * Keeps the folder after this process ends (the user asked to inspect it): it is no longer
   * deleted at exit nor taken for a leftover.
   */
  public synchronized void keep() throws IOException {
    closed = true;
    removeHook();
    Files.deleteIfExists(path.resolve(OWNER_FILE));
    Files.writeString(path.resolve(OWNER_FILE), "kept", StandardCharsets.US_ASCII);
  }

  /** Deletes the folder now. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    removeHook();
    deleteQuietly(path);
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(deleteAtExit);
    } catch (IllegalStateException e) {
      // The JVM is exiting: the hook is running or has run.
    }
  }

  /**
   * Deletes the folders {@code <prefix>*} in {@code dir} whose owner process is gone; a folder of a
   * live process, or one kept on request, stays. Folders without a marker (made by earlier
   * versions) go only when {@code unmarked} allows the prefix, no process holds anything in them,
   * and they are older than a few minutes.
   *
   * @return the folders deleted
   */
  public static List<Path> removeLeftovers(Path dir, Set<String> prefixes, Set<String> unmarked) {
    List<Path> removed = new ArrayList<>();
    Predicate<Path> held = ProcessHolders.snapshot();
    for (String prefix : prefixes) {
      try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir, prefix + "*")) {
        for (Path folder : folders) {
          if (Files.isDirectory(folder) && leftover(folder, unmarked.contains(prefix), held)) {
            deleteQuietly(folder);
            if (!Files.exists(folder)) {
              removed.add(folder);
            }
          }
        }
      } catch (IOException e) {
        // An unreadable temporary folder: nothing to clean there.
      }
    }
    return removed;
  }

  private static boolean leftover(Path folder, boolean unmarkedMayGo, Predicate<Path> held) {
    Optional<String> owner = read(folder.resolve(OWNER_FILE));
    if (owner.isPresent()) {
      return !owner.get().equals("kept") && !alive(owner.get());
    }
    return unmarkedMayGo && !held.test(folder) && olderThan(folder, UNMARKED_GRACE);
  }

  /** Whether the process named by a marker ({@code "<pid> <start millis>"}) still runs. */
  static boolean alive(String marker) {
    String[] parts = marker.trim().split(" ");
    try {
      long pid = Long.parseLong(parts[0]);
      long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          // The same pid with another start time is a new process that reused the number.
          .map(
              process ->
                  started == 0
                      || process.info().startInstant().map(Instant::toEpochMilli).orElse(started)
                          == started)
          .orElse(false);
    } catch (NumberFormatException e) {
      return true; // not a marker of ours: leave the folder alone
    }
  }

  private static Optional<String> read(Path marker) {
    try {
      return Optional.of(Files.readString(marker, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean olderThan(Path folder, Duration age) {
    try {
      return Files.getLastModifiedTime(folder).toInstant().isBefore(Instant.now().minus(age));
    } catch (IOException e) {
      return false;
    }
  }

  /** Deletes the tree, read-only parts included (a flow store keeps its versions read-only). */
  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.filter(Files::isDirectory).forEach(dir -> dir.toFile().setWritable(true, true));
    } catch (IOException | UncheckedIOException e) {
      return; // gone already, or not ours to read
    }
    try {
      PostgresBinaries.deleteTree(folder);
    } catch (IOException | UncheckedIOException e) {
      // Another user's file in it: it stays, and the next run tries again.
    }
  }
}
