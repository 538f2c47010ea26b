package io.tabula.masking.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The files an audit covers: the given files, and every matching file under given folders. */
public final class AuditFiles {

  private AuditFiles() {}

  /**
   * Expands {@code paths} into regular files, sorted within each folder. Files named directly are
   * always included; files found in folders only when {@code wanted} accepts them.
   */
  public static List<Path> expand(List<Path> paths, Predicate<Path> wanted) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(wanted).sorted().forEach(files::add);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new java.nio.file.NoSuchFileException(
            path.toString(), null, "no such file or folder: check the path");
      }
    }
    return files;
  }

  public static long totalBytes(List<Path> files) {
    long total = 0;
    for (Path file : files) {
      try {
        total += Files.size(file);
      } catch (IOException e) {
        // Counted as unreadable when the audit opens it; the bar just runs a little short.
      }
    }
    return total;
  }
}
