package io.tabula.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the real Asterisk 22.10.1 does with {@code hagi://}, the facts the virtual PBX copies
 * ({@code HagiFailoverTest} has the same cases against it): {@code
 * bin/hagi-asterisk-check/check.sh} runs Asterisk, a DNS server on 127.0.0.1:53 and stand-in
 * FastAGI servers in their own mount and network namespaces ({@code unshare -rmn}), so the
 * machine's resolver is never touched. Skipped where the Asterisk build, {@code unshare} with user
 * namespaces, {@code ip} or {@code python3} is missing.
 */
class HagiRealAsteriskTest {

  private static final Path SCRIPT =
      RealAsteriskFiles.REPO.resolve("bin/hagi-asterisk-check/check.sh");

  @Test
  void asterisk22TriesSrvTargetsAsTheVirtualPbxDoes() throws Exception {
    Optional<AsteriskInstall> install = AsteriskInstall.find();
    assumeTrue(install.isPresent(), AsteriskInstall::whyMissing);
    assumeTrue(install.orElseThrow().whyNotRunnable().isEmpty(), "the Asterisk build does not run");
    assumeTrue(
        runs("unshare", "-rmn", "ip", "link", "set", "lo", "up"),
        "unshare -rmn with ip (util-linux, iproute2) and unprivileged user namespaces are needed");
    assumeTrue(
        runs("python3", "-c", "import socket"), "python3 is needed (apt-get install python3)");

    ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString()).redirectErrorStream(true);
    builder.environment().put("ASTERISK_HOME", install.orElseThrow().home().toString());
    Process check = builder.start();
    String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(120, TimeUnit.SECONDS)).as(said).isTrue();

    assertThat(said)
        .as("priority order: a (10, refused) before b (20), though b was answered first")
        .contains("failed for url 'agi://a.engines.test:5001/city/case1': Connection refused")
        .contains("RESULT case 1: AGISTATUS=SUCCESS AGIWHO=B")
        .as("every target refusing")
        .contains("RESULT case 2: AGISTATUS=FAILURE AGIWHO=\n")
        .as("accepted and closed: no failover")
        .contains("RESULT case 3: AGISTATUS=SUCCESS AGIWHO=\n")
        .contains("AGI X accepted and closed")
        .doesNotContain("city/case3'")
        .as("a '.' target is skipped")
        .contains("Unable to locate host ':0'")
        .contains("RESULT case 5: AGISTATUS=SUCCESS AGIWHO=B")
        .as("NXDOMAIN")
        .contains("SRV lookup failed for hagi://engines.test/city/case6")
        .contains("RESULT case 6: AGISTATUS=FAILURE")
        .as("a port turns SRV off")
        .contains("Specifying a port number disables SRV lookups");
    for (int n = 40; n <= 49; n++) {
      assertThat(said)
          .as("equal weights keep the answer's order")
          .contains("RESULT case " + n + ": AGISTATUS=SUCCESS AGIWHO=C");
    }
  }

  private static boolean runs(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
