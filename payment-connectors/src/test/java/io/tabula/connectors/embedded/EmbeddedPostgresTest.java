package io.tabula.connectors.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded launcher: cached binaries, unprivileged server, TLS on, nothing outlives the JVM.
 */
class EmbeddedPostgresTest {

  @Test
  void unpacksTheBinariesOnceAndReusesThem() throws Exception {
    Path cache = PostgresBinaries.defaultCache();
    Path first = PostgresBinaries.unpack(cache);
    FileTime unpackedAt = Files.getLastModifiedTime(first.resolve("bin/postgres"));

    Path second = PostgresBinaries.unpack(cache);

    assertThat(second).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(second.resolve("bin/postgres"))).isEqualTo(unpackedAt);
    assertThat(first.getFileName().toString()).contains("17.");
  }

  @Test
  void servesTls13AsAnUnprivilegedUserAndStopsWhenClosed() throws Exception {
    long pid;
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults())) {
      pid = postgres.pid();
      assertThat(ProcessHandle.of(pid)).isPresent();
      if (ServerUser.detect().isRoot()) {
        assertThat(ProcessHandle.of(pid).orElseThrow().info().user()).contains(ServerUser.USER);
      }
      try (Connection connection = postgres.connectAsSuperuser("postgres");
          Statement statement = connection.createStatement();
          ResultSet row =
              statement.executeQuery(
                  "select ssl, version from pg_stat_ssl where pid = pg_backend_pid()")) {
        row.next();
        assertThat(row.getBoolean("ssl")).isTrue();
        assertThat(row.getString("version")).isEqualTo("TLSv1.3");
      }
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
        .isIn(Optional.empty(), Optional.of(false));
  }

  @Test
  void aKilledJvmTakesItsServerWithIt() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    StartServerAndWait.class.getName()))
            .redirectErrorStream(true)
            .start();
    Path[] root = new Path[1];
    try {
      long serverPid = serverPid(child, root);
      assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive)).contains(true);

      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      child.waitFor(10, TimeUnit.SECONDS);

      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false) == false);
    } finally {
      child.destroyForcibly();
      if (root[0] != null) {
        PostgresBinaries.deleteTree(root[0]); // a killed JVM cannot clean up after itself
      }
    }
  }

  private static long serverPid(Process child, Path[] root) throws Exception {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("root=")) {
        root[0] = Path.of(line.substring(5).trim());
      }
      if (line.startsWith("pid=")) {
        return Long.parseLong(line.substring(4).trim());
      }
    }
    throw new AssertionError(
        "the child JVM ended without starting a server (exit " + child.waitFor() + ")");
  }
}
