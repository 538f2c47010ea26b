package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.ami.RecordingControlException;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.session.CallOutcome;
import io.tabula.engine.session.CallSettings;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.Prompt;
import io.tabula.masking.memory.SecretField;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Calls over loopback between an engine and the virtual PBX, through every way a call ends. */
class CallLifecycleTest {

  private static final CollectOptions KEY_BY_KEY =
      new CollectOptions(16, Duration.ofSeconds(5), Duration.ofSeconds(3), true);

  private final List<String> recordingEvents = new CopyOnWriteArrayList<>();
  private final RecordingControl recording =
      new RecordingControl() {
        @Override
        public void mute(String channel) {
          recordingEvents.add("mute " + channel);
        }

        @Override
        public void unmute(String channel) {
          recordingEvents.add("unmute " + channel);
        }
      };

  @Test
  void hangupInTheMiddleOfASecureCollectZeroesAndFreesTheSlot() throws Exception {
    CompletableFuture<Integer> slot = new CompletableFuture<>();
    CompletableFuture<Integer> digitsBeforeHangup = new CompletableFuture<>();
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    CallHandler handler =
        call -> {
          SecretField pan = call.memory().field("pan", 19);
          slot.complete(call.memory().slot());
          try {
            call.collect(new Prompt("enter-card", ""), pan, KEY_BY_KEY);
          } catch (RuntimeException e) {
            digitsBeforeHangup.complete(4);
            thrown.complete(e);
            throw e;
          }
        };
    try (Engine engine =
            TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(handler), recording);
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(
                  engine.address(),
                  "city/parking",
                  new ScriptedCaller(
                      List.of(
                          CallerAction.Keys.fast("4242"), new CallerAction.HangUp(Duration.ZERO))))
              .get(10, TimeUnit.SECONDS);

      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.CALLER_HUNG_UP);
      assertThat(report.commands())
          .isEqualTo(5); // STREAM FILE + 4 WAIT FOR DIGIT, the last hung up
      assertThat(thrown.get(5, TimeUnit.SECONDS))
          .isInstanceOfSatisfying(
              CallEndedException.class,
              e -> assertThat(e.reason()).isEqualTo(CallEndedException.Reason.CALLER_HUNG_UP));
      awaitIdle(engine);
      assertThat(engine.pool().slotIsZero(slot.get())).isTrue();
      assertThat(engine.pool().zeroings()).isEqualTo(1);
      assertThat(engine.pool().slotsInUse()).isZero();
      assertThat(engine.metrics().ended(CallOutcome.CALLER_HUNG_UP)).isEqualTo(1);
      assertThat(engine.metrics().zeroedCount()).isEqualTo(1);
      // Muted on the AGI channel; a collect that ended by hangup never unmutes (MuteWindow).
      assertThat(recordingEvents).singleElement().asString().startsWith("mute ").endsWith(";2");
    }
  }

  @Test
  void whenMutingFailsTheSecureCollectDoesNotStart() throws Exception {
    RecordingControl broken =
        new RecordingControl() {
          @Override
          public void mute(String channel) {
            throw new RecordingControlException("AMI link down");
          }

          @Override
          public void unmute(String channel) {
            recordingEvents.add("unmute");
          }
        };
    CompletableFuture<CallPortException.Kind> kind = new CompletableFuture<>();
    CallHandler handler =
        call -> {
          try {
            call.collect(new Prompt("enter-card", ""), call.memory().field("pan", 19), KEY_BY_KEY);
          } catch (CallPortException e) {
            kind.complete(e.kind());
            call.play(new Prompt("sorry", ""), "");
            call.hangup();
          }
        };
    try (Engine engine =
            TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(handler), broken);
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys("4242"))
              .get(10, TimeUnit.SECONDS);

      assertThat(kind.get(5, TimeUnit.SECONDS))
          .isEqualTo(CallPortException.Kind.RECORDING_NOT_MUTED);
      assertThat(report.prompts()).containsExactly("sorry");
      assertThat(recordingEvents).isEmpty();
    }
  }

  @Test
  void aFullEnginePlaysPleaseCallBackAndKeepsRunning() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(1);
    CallHandler holder =
        call -> {
          holding.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          call.hangup();
        };
    try (Engine engine =
            TestEngines.start(TestEngines.config(1), (t, f) -> Optional.of(holder), recording);
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CompletableFuture<CallReport> first =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys(""));
      assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

      CallReport second =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys(""))
              .get(10, TimeUnit.SECONDS);
      release.countDown();

      assertThat(second.prompts()).containsExactly(CallSettings.defaults().pleaseCallBackPrompt());
      assertThat(second.outcome()).isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
      assertThat(first.get(10, TimeUnit.SECONDS).outcome())
          .isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
      awaitIdle(engine);
      assertThat(engine.metrics().ended(CallOutcome.REJECTED_ENGINE_FULL)).isEqualTo(1);
      assertThat(engine.pool().rejections()).isEqualTo(1);
    }
  }

  @Test
  void anUnknownRouteHearsNotAvailable() throws Exception {
    try (Engine engine = TestEngines.start(2, (t, f) -> Optional.empty());
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(engine.address(), "nobody/nothing", ScriptedCaller.keys(""))
              .get(10, TimeUnit.SECONDS);
      CallReport malformed =
          pbx.call(engine.address(), "not-a-route", ScriptedCaller.keys(""))
              .get(10, TimeUnit.SECONDS);

      assertThat(report.prompts()).containsExactly(CallSettings.defaults().notAvailablePrompt());
      assertThat(malformed.prompts()).containsExactly(CallSettings.defaults().notAvailablePrompt());
      awaitIdle(engine);
      assertThat(engine.metrics().ended(CallOutcome.REJECTED_NO_ROUTE)).isEqualTo(2);
      assertThat(engine.pool().zeroings()).isZero();
    }
  }

  @Test
  void shutdownLetsCallsRunToTheDeadlineThenZeroesTheRest() throws Exception {
    CompletableFuture<Integer> slot = new CompletableFuture<>();
    CompletableFuture<CallEndedException.Reason> reason = new CompletableFuture<>();
    CallHandler waitsForever =
        call -> {
          SecretField pin = call.memory().field("pin", 4);
          pin.append((byte) '7');
          slot.complete(call.memory().slot());
          try {
            call.waitForKey(Duration.ofMillis(-1));
          } catch (CallEndedException e) {
            reason.complete(e.reason());
            throw e;
          }
        };
    Engine engine =
        TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(waitsForever), recording);
    try (VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CompletableFuture<CallReport> report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys(""));
      slot.get(5, TimeUnit.SECONDS);

      engine.shutdown(Duration.ofMillis(200));

      assertThat(reason.get(5, TimeUnit.SECONDS))
          .isEqualTo(CallEndedException.Reason.ENGINE_SHUTDOWN);
      assertThat(report.get(5, TimeUnit.SECONDS).outcome()).isEqualTo(CallReport.Outcome.AGI_ENDED);
      assertThat(engine.metrics().zeroedCount()).isEqualTo(1);
      assertThat(engine.metrics().ended(CallOutcome.ENGINE_SHUTDOWN)).isEqualTo(1);
    }
  }

  @Test
  void aReplyThatNeverComesEndsTheCallWithATimeout() throws Exception {
    CompletableFuture<CallPortException.Kind> kind = new CompletableFuture<>();
    CallHandler handler =
        call -> {
          call.memory().field("pan", 19).append((byte) '4');
          try {
            call.play(new Prompt("long-prompt", ""), "");
          } catch (CallPortException e) {
            kind.complete(e.kind());
            throw e;
          }
        };
    var config =
        TestEngines.config(2)
            .withCall(CallSettings.defaults().withMediaTimeout(Duration.ofMillis(200)));
    try (Engine engine = TestEngines.start(config, (t, f) -> Optional.of(handler), recording);
        VirtualPbx pbx =
            VirtualPbx.create(PbxOptions.instant().withPromptDuration(Duration.ofSeconds(3)))) {
      pbx.call(engine.address(), "city/parking", ScriptedCaller.keys("")).get(10, TimeUnit.SECONDS);

      assertThat(kind.get(5, TimeUnit.SECONDS)).isEqualTo(CallPortException.Kind.REPLY_TIMEOUT);
      awaitIdle(engine);
      assertThat(engine.metrics().ended(CallOutcome.ERROR)).isEqualTo(1);
      assertThat(engine.pool().zeroings()).isEqualTo(1);
    }
  }

  private static void awaitIdle(Engine engine) {
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> engine.activeCalls() == 0);
  }
}
