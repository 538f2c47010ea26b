package io.tabula.ops.asterisk.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.ops.asterisk.RealAsterisk;
import io.tabula.ops.asterisk.conf.ConfReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads one manager.conf with the lint and with the real Asterisk 22.10.1 and compares every user's
 * read classes with what {@code manager show user} reports: the un-trimmed parts, prefix matches
 * and templates the lint models are Asterisk's, not a guess. Skips without that Asterisk.
 */
class RealAsteriskPermissionsTest {

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
    try (RealAsterisk asterisk = RealAsterisk.prepare(dir)) {
      Path etc = asterisk.etc();
      Files.writeString(etc.resolve("modules.conf"), "[modules]\nautoload = no\n");
      Files.write(etc.resolve("manager.conf"), managerConf());
      Files.write(
          etc.resolve("users.conf"),
          List.of("[general]", "hasmanager = no", "[6001]", "hasmanager = yes", "secret = z"));
      ConfReader reader = new ConfReader(etc);
      ManagerSetup lint =
          ManagerSetup.of(reader.read("manager.conf").orElseThrow(), reader.read("users.conf"));
      asterisk.start();
      assertThat(lint.users()).hasSize(READS.size() + 5);
      for (ManagerUser user : lint.users()) {
        String shown = asterisk.remote("manager show user " + user.name());
        assertThat(readPerm(shown)).as(user.name()).isEqualTo(user.read().names());
      }
    }
  }

  private static List<String> managerConf() throws IOException {
    List<String> manager = new ArrayList<>();
    manager.addAll(List.of("[general]", "enabled = yes", "bindaddr = 127.0.0.1"));
    manager.add("port = " + freePort());
    for (int i = 0; i < READS.size(); i++) {
      manager.addAll(List.of("[user" + i + "]", "secret = x", "read = " + READS.get(i)));
    }
    manager.addAll(List.of("[base](!)", "read = all", "[child](base)", "secret = x"));
    manager.addAll(List.of("[appended]", "secret = x", "read = call", "read += ,dtmf"));
    manager.addAll(List.of("[added]", "secret = x", "[other]", "secret = y"));
    manager.addAll(List.of("[added](+)", "read = agi"));
    return manager;
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
