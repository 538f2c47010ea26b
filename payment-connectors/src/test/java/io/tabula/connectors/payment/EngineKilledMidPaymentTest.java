package io.tabula.connectors.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tabula.connectors.simulator.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine process dies while the processor holds the reply to a charge it already made. The
 * charge stays exactly one, a new engine resends nothing (engines keep no payment state), and
 * nothing about the call was written to disk.
 */
class EngineKilledMidPaymentTest {

  @TempDir Path directory;
  @TempDir Path logs;

  @Test
  void killedEngineLeavesOneChargeAndANewEngineResendsNothing() throws Exception {
    try (SimulatorFixture fixture = new SimulatorFixture(directory)) {
      String callId = SimulatorFixture.newCallId();
      List<Path> filesBefore = files(directory);
      fixture.simulator.faults().inject(Fault.TIMEOUT_AFTER_CHARGE);

      Process payer = start(fixture, "pay", callId);
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> fixture.simulator.heldReplies().get() == 1);
        assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).hasSize(1);
      } finally {
        payer.destroyForcibly();
        assertThat(payer.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      long requestsAfterKill = fixture.simulator.ledger().requests();
      assertThat(output("pay")).contains("PAYING").doesNotContain("OUTCOME");

      Process newEngine = start(fixture, "boot", callId);
      assertThat(newEngine.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(output("boot")).contains("BOOTED");
      assertThat(newEngine.exitValue()).isZero();

      assertThat(fixture.simulator.ledger().requests()).isEqualTo(requestsAfterKill);
      assertThat(fixture.simulator.ledger().chargesFor("T-" + callId)).hasSize(1);
      assertThat(fixture.simulator.ledger().entries()).hasSize(1);
      assertThat(files(directory)).isEqualTo(filesBefore);
    }
  }

  private Process start(SimulatorFixture fixture, String mode, String callId) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KillablePayer.class.getName());
    command.add(mode);
    command.add(fixture.simulator.endpoint().toString());
    command.add(fixture.caPem.toString());
    command.add(fixture.keyFile.toString());
    command.add(callId);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve(mode + ".log").toFile())
        .start();
  }

  private String output(String mode) throws IOException {
    return Files.readString(logs.resolve(mode + ".log"), StandardCharsets.UTF_8);
  }

  private static List<Path> files(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.sorted().toList();
    }
  }
}
