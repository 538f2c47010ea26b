package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.uring.IoUring;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tabula serve} fails closed (issue #14): nothing sensitive runs unprotected by default.
 * Each test starts serve in a JVM of its own and checks that it refuses, naming what is missing and
 * how to fix it, or that it starts and says which explicit setting let it.
 */
class ServeFailsClosedTest {

  @TempDir Path dir;

  /**
   * Free ports, a small pool (64 KiB, inside any memlock limit), no prompt sound check (no Asterisk
   * plays these calls); then the test's own lines.
   */
  private Path config(String... lines) throws IOException {
    List<String> all =
        new ArrayList<>(List.of("agi.port: 0", "admin.port: 0", "prompts.check: \"off\""));
    all.addAll(List.of(lines));
    if (all.stream().noneMatch(line -> line.startsWith("memory.slots"))) {
      all.add("memory.slots: 16");
    }
    Path file = dir.resolve("tabula-" + System.nanoTime() + ".yaml");
    Files.write(file, all);
    return file;
  }

  @Test
  void flowsWithSecureInputAndNoAmiLinkRefuseToStartSayingHowToFixIt() throws Exception {
    try (ServeProcess serve = ServeProcess.start(List.of(), config())) {
      assertThat(serve.exitStatus()).as(serve.output()).isEqualTo(2);
      assertThat(serve.output())
          .contains("city/parking-ticket", "utility/bill-payment")
          .contains("no AMI link", "ami.host", "TABULA_AMI_HOST")
          .contains("recording: none", "TABULA_RECORDING=none");
    }
  }

  @Test
  void recordingNoneLetsServeStartAndItSaysNothingIsMuted() throws Exception {
    try (ServeProcess serve = ServeProcess.start(List.of(), config("recording: none"), "--demo")) {
      serve.agiAddress();
      assertThat(serve.awaitLine(Pattern.compile("recording: none")).group())
          .isEqualTo("recording: none");
      assertThat(serve.output()).contains("no MixMonitor");
    }
  }

  @Test
  void withoutTenantFilesServeRefusesNamingTheFlowsAndConnectors() throws Exception {
    try (ServeProcess serve = ServeProcess.start(List.of(), config("recording: none"))) {
      assertThat(serve.exitStatus()).as(serve.output()).isEqualTo(2);
      assertThat(serve.output())
          .contains("tenants.dir", "TABULA_TENANTS_DIR", "--demo")
          .contains("flow city/parking-ticket", "'city-parking'", "'city-pay'")
          .contains("flow utility/bill-payment", "'utility-billing'", "'utility-pay'");
    }
  }

  @Test
  void theDemoFlagServesDemoDataAndTheSelftestFlowsStayOff() throws Exception {
    try (ServeProcess serve = ServeProcess.start(List.of(), config("recording: none"), "--demo")) {
      InetSocketAddress agi = serve.agiAddress();
      assertThat(serve.awaitLine(Pattern.compile("--demo: .*")).group())
          .contains("nothing is charged");

      assertThat(echo(agi)).contains("PROMPT tabula/not-available").doesNotContain("enter-card");
    }
  }

  @Test
  void theSelftestFlowsAnswerWhenEnabled() throws Exception {
    Path config = config("recording: none", "selftest.enabled: true");
    try (ServeProcess serve = ServeProcess.start(List.of(), config, "--demo")) {
      assertThat(echo(serve.agiAddress())).contains("PROMPT tabula/enter-card", "NUMBER 16");
    }
  }

  @Test
  void lockedMemoryRefusedMeansServeRefusesAndSaysHowToGrantIt() throws Exception {
    Path config = config("recording: none", "memory.slots: 1000");
    try (ServeProcess serve = ServeProcess.start(lowMemlockLimit(), config, "--demo")) {
      assertThat(serve.exitStatus()).as(serve.output()).isEqualTo(2);
      assertThat(serve.output())
          .contains("mlock", "ulimit -l", "LimitMEMLOCK", "IPC_LOCK")
          .contains("memory.protections: waived")
          .doesNotContain("listening for FastAGI");
    }
  }

  @Test
  void anExplicitWaiverStartsWithUnlockedMemoryAndSaysSo() throws Exception {
    Path config = config("recording: none", "memory.slots: 1000", "memory.protections: waived");
    try (ServeProcess serve = ServeProcess.start(lowMemlockLimit(), config, "--demo")) {
      serve.agiAddress();
      assertThat(serve.awaitLine(Pattern.compile("memory.protections: waived.*")).group())
          .contains("mlock=off", "mlock refused");
      if (IoUring.isAvailable()) {
        // The io_uring rings are locked memory too: with none left, auto serves on the next one.
        assertThat(serve.output())
            .contains("io_uring event loops could not start", "FastAGI runs on", "ulimit -l");
      }
    }
  }

  @Test
  void ioUringByNameWithoutLockedMemoryForItsRingsRefusesToStartAndSaysHowToFix() throws Exception {
    assumeTrue(IoUring.isAvailable(), "io_uring does not load on this machine");
    Path config =
        config(
            "recording: none",
            "memory.slots: 1000",
            "memory.protections: waived",
            "agi.transport: io_uring");
    try (ServeProcess serve = ServeProcess.start(lowMemlockLimit(), config, "--demo")) {
      assertThat(serve.exitStatus()).as(serve.output()).isEqualTo(2);
      assertThat(serve.output())
          .contains("cannot start the io_uring event loops", "ulimit -l", "agi.transport")
          .doesNotContain("listening for FastAGI");
    }
  }

  @Test
  void anAdminEndpointBeyondLoopbackWithoutATokenRefusesToStart() throws Exception {
    Path config = config("recording: none", "admin.address: 0.0.0.0");
    try (ServeProcess serve = ServeProcess.start(List.of(), config, "--demo")) {
      assertThat(serve.exitStatus()).as(serve.output()).isEqualTo(2);
      assertThat(serve.output())
          .contains("admin.address", "0.0.0.0", "admin.tokenFile", "TABULA_ADMIN_TOKEN_FILE")
          .doesNotContain("listening for FastAGI");
    }
  }

  private static List<String> echo(InetSocketAddress agi) throws Exception {
    try (VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(agi, "selftest/echo", ScriptedCaller.keys("4242424242424242#"))
              .get(30, TimeUnit.SECONDS);
      return report.heard().stream().map(Heard::toString).toList();
    }
  }

  /**
   * A locked-memory limit of 64 KiB for serve's JVM, far below 1,000 slots of 4 KiB. As root, the
   * JVM also loses CAP_IPC_LOCK, which would let it lock any amount.
   */
  private static List<String> lowMemlockLimit() throws IOException, InterruptedException {
    assumeTrue(onPath("prlimit"), "needs prlimit (util-linux) to lower RLIMIT_MEMLOCK");
    List<String> prefix = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      assumeTrue(onPath("setpriv"), "as root, needs setpriv (util-linux) to drop CAP_IPC_LOCK");
      prefix.addAll(List.of("setpriv", "--bounding-set=-ipc_lock", "--inh-caps=-all"));
    }
    prefix.addAll(List.of("prlimit", "--memlock=65536:65536"));
    List<String> probe = new ArrayList<>(prefix);
    probe.add("true");
    Process tried = new ProcessBuilder(probe).redirectErrorStream(true).start();
    tried.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assumeTrue(
        tried.waitFor() == 0,
        "this machine does not let the test lower the locked-memory limit: " + prefix);
    return prefix;
  }

  private static boolean onPath(String tool) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(folder, tool))) {
        return true;
      }
    }
    return false;
  }
}
