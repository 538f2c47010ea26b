package io.tabula.connectors.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed demo's folders are removed by the next run, a running one's never: the owner marker
 * decides, and for folders of earlier versions (no marker) whether a process holds anything there.
 */
class OwnedTempFolderTest {

  private static final Set<String> PREFIX = Set.of("tabula-demo-");

  @TempDir Path tmp;

  @Test
  void aFolderWhoseOwnerIsGoneIsRemovedAndALiveOwnersStays() throws Exception {
    Process live = new ProcessBuilder("sleep", "60").start();
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor(10, TimeUnit.SECONDS);
    try {
      Path ofLive = marked("tabula-demo-live", live.toHandle());
      Path ofDead = marked("tabula-demo-dead", dead.toHandle());
      Path ofThisJvm = marked("tabula-demo-self", ProcessHandle.current());

      List<Path> removed = OwnedTempFolder.removeLeftovers(tmp, PREFIX, Set.of());

      assertThat(removed).containsExactly(ofDead);
      assertThat(ofDead).doesNotExist();
      assertThat(ofLive).isDirectory();
      assertThat(ofThisJvm).isDirectory();
    } finally {
      live.destroy();
    }
  }

  @Test
  void aReusedProcessNumberIsNotTheOwner() throws Exception {
    Path folder = Files.createDirectory(tmp.resolve("tabula-demo-reused"));
    long started = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
    Files.writeString(
        folder.resolve(OwnedTempFolder.OWNER_FILE),
        ProcessHandle.current().pid() + " " + (started - 60_000));

    assertThat(OwnedTempFolder.removeLeftovers(tmp, PREFIX, Set.of())).containsExactly(folder);
  }

  @Test
  void aKeptFolderStays() throws Exception {
    Path folder = Files.createDirectory(tmp.resolve("tabula-demo-kept"));
    Files.writeString(folder.resolve(OwnedTempFolder.OWNER_FILE), "kept");

    assertThat(OwnedTempFolder.removeLeftovers(tmp, PREFIX, Set.of())).isEmpty();
    assertThat(folder).isDirectory();
  }

  @Test
  void anUnmarkedFolderGoesOnlyWhenOldAndHeldByNoProcess() throws Exception {
    Path held = unmarkedHourOld("tabula-demo-held");
    Path idle = unmarkedHourOld("tabula-demo-idle");
    Path young = Files.createDirectory(tmp.resolve("tabula-demo-young"));
    Path log = held.resolve("tabula.log");
    try (FileChannel _ =
        FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      Files.setLastModifiedTime(held, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));

      List<Path> removed = OwnedTempFolder.removeLeftovers(tmp, PREFIX, PREFIX);

      assertThat(removed).containsExactly(idle);
      assertThat(held).isDirectory();
      assertThat(young).isDirectory();
    }
    assertThat(OwnedTempFolder.removeLeftovers(tmp, PREFIX, Set.of())).isEmpty();
  }

  @Test
  void aFolderIsRemovedWhenTheOwnerIsInterruptedWithCtrlC() throws Exception {
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                System.getProperty("java.class.path"),
                OwnedTempFolderChild.class.getName(),
                tmp.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      Path folder = Path.of(lines.readLine());
      assertThat(folder).isDirectory();
      assertThat(OwnedTempFolder.removeLeftovers(tmp, PREFIX, PREFIX))
          .as("a live run's folder is not a leftover")
          .isEmpty();

      new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();

      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(folder).doesNotExist();
    } finally {
      child.destroyForcibly();
    }
  }

  private Path marked(String name, ProcessHandle owner) throws IOException {
    Path folder = Files.createDirectory(tmp.resolve(name));
    Files.writeString(
        folder.resolve(OwnedTempFolder.OWNER_FILE),
        owner.pid() + " " + owner.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
    return folder;
  }

  private Path unmarkedHourOld(String name) throws IOException {
    Path folder = Files.createDirectory(tmp.resolve(name));
    Files.setLastModifiedTime(folder, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    return folder;
  }
}
