package io.tabula.ops.asterisk.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.tabula.ops.asterisk.conf.ConfReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads one manager.conf with the lint and with the real Asterisk 22.10.1 in /work/shared/asterisk
 * and compares every user's read classes with what {@code manager show user} reports: the
 * un-trimmed parts, prefix matches and templates the lint models are Asterisk's, not a guess. Skips
 * where that Asterisk is not installed.
 */
class RealAsteriskPermissionsTest {

  private static final Path ASTERISK = Path.of("/work/shared/asterisk");

  /** read= values whose decoding is not obvious, one user each. */
  private static final List<String> READS =
      List.of(
          "call,system",
          "all",
          "dtmf",
          "call, dtmf",
          "d,call",
          ",call",
          "DTMF",
          "call,",
          "none",
          "system,call,dtmf,agi",
          "a,call");

  @TempDir Path dir;

  @Test
  void everyUsersReadClassesAreWhatAsteriskReports() throws Exception {
    assumeThat(Files.isExecutable(ASTERISK.resolve("bin/asterisk")))
        .as("a real Asterisk in " + ASTERISK + " (see its README)")
        .isTrue();
    Path etc = configure();
    ManagerSetup lint =
        ManagerSetup.of(new ConfReader(etc).read("manager.conf").orElseThrow(), Optional.empty());
    Process asterisk = start(etc);
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> remote(etc, "core waitfullybooted").contains("fully booted"));
      for (ManagerUser user : lint.users()) {
        String shown = remote(etc, "manager show user " + user.name());
        assertThat(readPerm(shown)).as(user.name()).isEqualTo(user.read().names());
      }
    } finally {
      remote(etc, "core stop now");
      if (!asterisk.waitFor(20, TimeUnit.SECONDS)) {
        asterisk.destroyForcibly();
      }
    }
  }

  private Path configure() throws IOException {
    Path etc = Files.createDirectories(dir.resolve("etc"));
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.createSymbolicLink(data.resolve("documentation"), ASTERISK.resolve("documentation"));
    List<String> conf = new ArrayList<>(List.of("[directories]"));
    conf.add("astetcdir => " + etc);
    conf.add("astmoddir => " + ASTERISK.resolve("modules"));
    conf.add("astdatadir => " + data);
    for (String name :
        List.of("astvarlibdir", "astdbdir", "astkeydir", "astspooldir", "astrundir", "astlogdir")) {
      conf.add(name + " => " + Files.createDirectories(dir.resolve(name)));
    }
    conf.add("[options]");
    Files.write(etc.resolve("asterisk.conf"), conf);
    Files.writeString(etc.resolve("modules.conf"), "[modules]\nautoload = no\n");
    Files.writeString(etc.resolve("logger.conf"), "[logfiles]\nmessages.log => notice\n");
    List<String> manager = new ArrayList<>();
    manager.addAll(List.of("[general]", "enabled = yes", "bindaddr = 127.0.0.1"));
    manager.add("port = " + freePort());
    for (int i = 0; i < READS.size(); i++) {
      manager.addAll(List.of("[user" + i + "]", "secret = x", "read = " + READS.get(i)));
    }
    manager.addAll(List.of("[base](!)", "read = all", "[child](base)", "secret = x"));
    Files.write(etc.resolve("manager.conf"), manager);
    return etc;
  }

  private Process start(Path etc) throws IOException {
    return new ProcessBuilder(
            ASTERISK.resolve("bin/asterisk").toString(),
            "-C",
            etc.resolve("asterisk.conf").toString(),
            "-f",
            "-n")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("asterisk.out").toFile())
        .start();
  }

  private static String remote(Path etc, String command) throws IOException, InterruptedException {
    Process remote =
        new ProcessBuilder(
                ASTERISK.resolve("bin/asterisk").toString(),
                "-C",
                etc.resolve("asterisk.conf").toString(),
                "-rx",
                command)
            .redirectErrorStream(true)
            .start();
    String output = new String(remote.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    remote.waitFor(20, TimeUnit.SECONDS);
    return output;
  }

  /** The classes of a {@code read perm: call,dtmf} line, without the summary class "all". */
  private static List<String> readPerm(String shown) {
    String line = shown.lines().filter(l -> l.contains("read perm:")).findFirst().orElseThrow();
    String value = line.substring(line.indexOf(':') + 1).strip();
    if (value.equals("<none>")) {
      return List.of();
    }
    return List.of(value.split(",")).stream().filter(name -> !name.equals("all")).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
