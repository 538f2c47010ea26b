package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.session.CallSettings;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.Prompt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The window in which a call's recording is muted: it opens before the secure prompt, spans secure
 * collects in a row and the prompts between them, closes at the first other command after {@code
 * call.unmuteGrace}, and never closes on the error path, a transfer or a hangup.
 */
class MuteWindowTest {

  private static final CollectOptions SECURE =
      new CollectOptions(19, Duration.ofSeconds(5), Duration.ofSeconds(5), true);
  private static final Duration LONG_GRACE = Duration.ofSeconds(30);

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final RecordingControl recording =
      new RecordingControl() {
        @Override
        public void mute(String channel) {
          events.add("mute");
        }

        @Override
        public void unmute(String channel) {
          events.add("unmute");
        }
      };

  @Test
  void secureCollectsInARowAndThePromptsBetweenThemShareOneMutedWindow() throws Exception {
    CallHandler handler =
        call -> {
          call.collect(new Prompt("enter-card", ""), call.memory().field("pan", 19), SECURE);
          call.play(new Prompt("enter-expiry", ""), "");
          call.collect(new Prompt("enter-expiry", ""), call.memory().field("exp", 4), SECURE);
          call.play(new Prompt("thank-you", ""), "");
          call.hangup();
        };

    call(handler, LONG_GRACE, "4242424242424242#,1230#");

    assertThat(events).containsExactly("mute");
  }

  @Test
  void theFirstCommandAfterTheGraceUnmutesBeforeItIsSent() throws Exception {
    CallHandler handler =
        call -> {
          call.collect(new Prompt("enter-card", ""), call.memory().field("pan", 19), SECURE);
          events.add("collected");
          call.play(new Prompt("thank-you", ""), "");
          events.add("played");
          call.hangup();
        };

    call(handler, Duration.ZERO, "4242424242424242#");

    assertThat(events).containsExactly("mute", "collected", "unmute", "played");
  }

  @Test
  void aCommandInsideTheGraceStaysMuted() throws Exception {
    CallHandler handler =
        call -> {
          call.collect(new Prompt("enter-card", ""), call.memory().field("pan", 19), SECURE);
          call.play(new Prompt("thank-you", ""), "0123456789*#");
          call.hangup();
        };

    call(handler, LONG_GRACE, "4242424242424242#");

    assertThat(events).containsExactly("mute");
  }

  @Test
  void theErrorPathKeepsTheRecordingMutedThroughTheApologyAndTheTransfer() throws Exception {
    CallHandler handler =
        call -> {
          call.collect(new Prompt("enter-card", ""), call.memory().field("pan", 19), SECURE);
          call.keepRecordingMuted();
          call.play(new Prompt("sorry", ""), "");
          call.transfer("agents");
        };

    call(handler, Duration.ZERO, "4242424242424242#");

    assertThat(events).containsExactly("mute");
  }

  @Test
  void aTransferRightAfterSecureInputLeavesTheRecordingMuted() throws Exception {
    CallHandler handler =
        call -> {
          call.collect(new Prompt("enter-card", ""), call.memory().field("pan", 19), SECURE);
          call.transfer("agents");
        };

    call(handler, Duration.ZERO, "4242424242424242#");

    assertThat(events).containsExactly("mute");
  }

  private void call(CallHandler handler, Duration grace, String keys) throws Exception {
    try (Engine engine =
            TestEngines.start(
                TestEngines.config(2).withCall(CallSettings.defaults().withUnmuteGrace(grace)),
                (t, f) -> Optional.of(handler),
                recording);
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys(keys))
              .get(10, TimeUnit.SECONDS);
      assertThat(report.outcome())
          .isIn(CallReport.Outcome.ENGINE_HUNG_UP, CallReport.Outcome.AGI_ENDED);
    }
  }
}
