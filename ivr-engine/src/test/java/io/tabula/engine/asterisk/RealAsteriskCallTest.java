package io.tabula.engine.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tabula.connectors.simulator.LedgerEntry;
import io.tabula.masking.audit.AuditFinding;
import io.tabula.masking.audit.AuditSummary;
import io.tabula.masking.audit.RecordingAuditor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls through a real Asterisk 22 running the shipped docker/asterisk configuration, into {@code
 * tabula serve} with the shipped flows, the embedded customer database and the gateway simulator.
 * Skipped, with the reason, where no Asterisk build (see {@link AsteriskInstall}), core sounds,
 * espeak-ng, sox or multimon-ng is installed. docker/README.md, section 9, describes the run.
 */
class RealAsteriskCallTest {

  private static final String TICKET = "12345678";
  private static final String CARD = "4242424242424242";
  private static final String PARKING_NUMBER = "15551230001";

  static RealAsteriskStack stack;

  @BeforeAll
  static void startStack() throws Exception {
    Optional<AsteriskInstall> install = AsteriskInstall.find();
    assumeTrue(install.isPresent(), AsteriskInstall::whyMissing);
    Optional<String> missing = PromptAudio.whyUnavailable().or(Multimon::whyUnavailable);
    assumeTrue(missing.isEmpty(), () -> missing.orElseThrow());
    Path work =
        Files.createTempDirectory(
            Files.createDirectories(Path.of("target", "real-asterisk")).toAbsolutePath(), "run-");
    stack = RealAsteriskStack.start(install.orElseThrow(), work);
  }

  @AfterAll
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aSipCallerWithRfc4733KeysPaysAndTheRecordingHoldsNoKeyTone() throws Exception {
    PbxDirectory pbx = stack.pbx().directory();
    int scrubbed = ScrubLog.scrubs(pbx).size();
    int charges = stack.customer().simulator().ledger().charges().size();
    ScriptedCaller script = payingCaller();
    CompletableFuture<Map<String, String>> answered =
        stack.callerAmi().next(Ami.event("OriginateResponse"));

    Map<String, String> queued =
        stack
            .callerAmi()
            .action(
                "Originate",
                Map.of(
                    "Channel", "PJSIP/" + PARKING_NUMBER + "@" + CallerPbx.TRUNK,
                    "Context", "realtest-caller",
                    "Exten", "listen",
                    "Priority", "1",
                    "Async", "true"));
    assertThat(queued.get("Response")).isEqualTo("Success");
    String channel = answered.get(30, TimeUnit.SECONDS).get("Channel");
    script.play(stack.callerAmi(), channel);
    ScrubLog.Scrub scrub = ScrubLog.awaitNext(pbx, scrubbed);

    List<LedgerEntry> charged = stack.customer().simulator().ledger().charges();
    assertThat(charged).hasSize(charges + 1);
    LedgerEntry charge = charged.getLast();
    assertThat(charge.amountMinor()).isEqualTo(4500);
    assertThat(charge.lastFour()).isEqualTo("4242");
    assertThat(scrub.exitCode()).isZero();
    assertNoKeyTones(scrub.recording());
  }

  private static ScriptedCaller payingCaller() {
    return ScriptedCaller.on(stack.pbxAmi())
        .when("enter-ticket", "ticket")
        .when("pay-menu", "pay")
        .when("enter-card", "card")
        .when("enter-expiry", "expiry")
        .when("enter-cvc", "cvc");
  }

  private static void assertNoKeyTones(Path recording) throws Exception {
    List<AuditFinding> tones = new ArrayList<>();
    AuditSummary audit = new RecordingAuditor(0).audit(List.of(recording), tones::add);
    assertThat(audit.unreadable()).isZero();
    assertThat(tones).as("key tones the project's detector finds in the recording").isEmpty();
    assertThat(Multimon.dtmf(recording)).as("key tones multimon-ng finds").isEmpty();
  }
}
