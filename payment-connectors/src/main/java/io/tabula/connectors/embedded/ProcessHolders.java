package io.tabula.connectors.embedded;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which paths running processes hold: their working directories and open files, read from Linux's
 * {@code /proc}. Where {@code /proc} cannot be read, every path counts as held, so nothing is taken
 * for a leftover on a guess.
 */
final class ProcessHolders {

  private ProcessHolders() {}

  /** Whether any process held something inside a folder when the snapshot was taken. */
  static Predicate<Path> snapshot() {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc.resolve("self/fd"))) {
      return folder -> true;
    }
    List<Path> held = new ArrayList<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path process : processes) {
        link(process.resolve("cwd"), held);
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
          fds.forEach(fd -> link(fd, held));
        } catch (IOException e) {
          // Gone meanwhile, or another user's process: its files are not ours to know.
        }
      }
    } catch (IOException e) {
      return folder -> true;
    }
    return folder -> held.stream().anyMatch(path -> path.startsWith(folder));
  }

  private static void link(Path link, List<Path> held) {
    try {
      held.add(Files.readSymbolicLink(link));
    } catch (IOException | UnsupportedOperationException e) {
      // The process or descriptor closed meanwhile.
    }
  }
}
