package io.tabula.engine.residue;

import io.tabula.engine.residue.DumpScanner.Findings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The result of scanning one place (a heap dump, a log folder, a database's data folder): how many
 * files and bytes were read, the hits per needle set and how long the scan took. Files with hits
 * are named (never the digits found), so a failure says where to look.
 *
 * <pre>{@code
 * PlaceScan logs = PlaceScan.tree("engine logs", scanner, List.of(logDir), path -> false);
 * assertThat(logs.findings().get("keyed card numbers").total()).isZero();
 * }</pre>
 */
record PlaceScan(
    String place,
    int files,
    long bytes,
    Findings findings,
    List<Path> filesWithHits,
    Duration took) {

  PlaceScan {
    filesWithHits = List.copyOf(filesWithHits);
  }

  /**
   * Scans every regular file under {@code roots} (recursively, links not followed) that {@code
   * skip} does not exclude. A file that disappears while the walk runs (a live database) is left
   * out; a file that cannot be read fails the scan, since an unread file proves nothing.
   */
  static PlaceScan tree(String place, DumpScanner scanner, List<Path> roots, Predicate<Path> skip) {
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      files.addAll(regularFiles(root, skip));
    }
    return files(place, scanner, files);
  }

  /** Scans exactly these files. */
  static PlaceScan files(String place, DumpScanner scanner, List<Path> files) {
    Findings findings = Findings.none();
    List<Path> withHits = new ArrayList<>();
    long start = System.nanoTime();
    long bytes = 0;
    int scanned = 0;
    for (Path file : files) {
      try {
        long size = Files.size(file);
        Findings found = scanner.scan(file);
        bytes += size;
        scanned++;
        findings = findings.plus(found);
        if (found.byName().values().stream().anyMatch(h -> h.total() > 0)) {
          withHits.add(file);
        }
      } catch (NoSuchFileException e) {
        // Gone between the listing and the read: nothing of it remains to find.
      } catch (IOException e) {
        throw new UncheckedIOException("could not read " + file + " for the residue scan", e);
      }
    }
    return new PlaceScan(
        place, scanned, bytes, findings, withHits, Duration.ofNanos(System.nanoTime() - start));
  }

  private static List<Path> regularFiles(Path root, Predicate<Path> skip) {
    List<Path> files = new ArrayList<>();
    if (!Files.exists(root)) {
      return files;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (attributes.isRegularFile() && !skip.test(file)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              // A live database removes temporary files while we walk; anything else is an error.
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + root + " for the residue scan", e);
    }
    return files;
  }

  long hits(String needles) {
    return findings.get(needles).total();
  }
}
