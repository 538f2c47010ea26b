package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.session.CallOutcome;
import io.tabula.engine.session.CallSettings;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.port.SteppedCallHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Stepped calls over loopback between an engine and the virtual PBX, through how they end. */
class SteppedCallLifecycleTest {

  private static final CollectOptions KEY_BY_KEY =
      new CollectOptions(16, Duration.ofSeconds(5), Duration.ofSeconds(3), true);

  private final List<String> recordingEvents = new CopyOnWriteArrayList<>();
  private final RecordingControl recording =
      new RecordingControl() {
        @Override
        public void mute(String channel) {
          recordingEvents.add(
              "mute on " + (Thread.currentThread().isVirtual() ? "virtual" : "loop"));
        }

        @Override
        public void unmute(String channel) {
          recordingEvents.add(
              "unmute on " + (Thread.currentThread().isVirtual() ? "virtual" : "loop"));
        }
      };

  /** Log lines as "LEVEL message"; the engine's threads add while the test reads. */
  private final List<String> logLines = new CopyOnWriteArrayList<>();

  private final AppenderBase<ILoggingEvent> logs =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          logLines.add(event.getLevel() + " " + event.getFormattedMessage());
        }
      };
  private Logger root;

  @BeforeEach
  void captureLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.setContext(context);
    logs.start();
    root.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    root.detachAppender(logs);
    logs.stop();
  }

  @Test
  void hangupInTheMiddleOfACollectOnTheLoopZeroesOnceAndNoThreadIsStarted() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    CompletableFuture<Integer> slot = new CompletableFuture<>();
    SteppedCallHandler handler =
        h.script(
            (call, next, failed) -> {
              slot.complete(call.memory().slot());
              call.collect(
                  new Prompt("enter-card", ""),
                  call.memory().field("pan", 19),
                  KEY_BY_KEY,
                  h.then(result -> next.run(), failed));
            });
    // No AMI (recording: none): muting acts at once, so the whole call stays on the loop.
    try (Engine engine = TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(handler));
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
      assertThat(report.commands()).isEqualTo(5); // STREAM FILE + 4 WAIT FOR DIGIT
      awaitIdle(engine);
      assertThat(h.failures)
          .singleElement()
          .isInstanceOfSatisfying(
              CallEndedException.class,
              e -> assertThat(e.reason()).isEqualTo(CallEndedException.Reason.CALLER_HUNG_UP));
      assertThat(engine.pool().slotIsZero(slot.get())).isTrue();
      assertThat(engine.pool().zeroings()).isEqualTo(1);
      assertThat(engine.metrics().ended(CallOutcome.CALLER_HUNG_UP)).isEqualTo(1);
      assertThat(engine.metrics().zeroedCount()).isEqualTo(1);
      assertThat(h.anyOnVirtualThread()).as("a continuation ran on a virtual thread").isFalse();
      assertThat(h.threads).map(Thread::getName).allMatch(name -> name.startsWith("agi-io"));
    }
  }

  @Test
  void anOperationAfterTheCallEndedFailsOnlyAfterItsMethodReturned() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    List<String> order = new CopyOnWriteArrayList<>();
    SteppedCallHandler handler =
        h.of(
            (call, ended) ->
                call.waitForKey(
                    Duration.ofSeconds(5),
                    h.then(
                        key -> ended.accept(null),
                        gone -> {
                          call.play(
                              new Prompt("sorry", ""),
                              "",
                              h.then(
                                  key -> ended.accept(null),
                                  e -> {
                                    order.add("failed with " + e.getClass().getSimpleName());
                                    ended.accept(e);
                                  }));
                          order.add("play returned");
                        })));
    try (Engine engine = TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(handler));
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      pbx.call(
              engine.address(),
              "city/parking",
              new ScriptedCaller(List.of(new CallerAction.HangUp(Duration.ZERO))))
          .get(10, TimeUnit.SECONDS);

      awaitIdle(engine);
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 2);
      assertThat(order).containsExactly("play returned", "failed with CallEndedException");
      assertThat(engine.metrics().ended(CallOutcome.CALLER_HUNG_UP)).isEqualTo(1);
    }
  }

  @Test
  void aSecureCollectThatMustWaitForAmiRunsOnAThreadAndComesBackToTheLoop() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    CompletableFuture<CollectResult> collected = new CompletableFuture<>();
    SteppedCallHandler handler =
        h.script(
            (call, next, failed) ->
                call.collect(
                    new Prompt("enter-card", ""),
                    call.memory().field("pan", 19),
                    KEY_BY_KEY,
                    h.then(
                        result -> {
                          collected.complete(result);
                          next.run();
                        },
                        failed)),
            // unmuteGrace is zero: this prompt unmutes first, which waits for AMI too.
            (call, next, failed) ->
                call.play(new Prompt("thanks", ""), "", h.then(key -> next.run(), failed)),
            (call, next, failed) -> call.hangup(h.then(v -> next.run(), failed)));
    var config =
        TestEngines.config(2).withCall(CallSettings.defaults().withUnmuteGrace(Duration.ZERO));
    try (Engine engine = TestEngines.start(config, (t, f) -> Optional.of(handler), recording);
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys("4242#"))
              .get(10, TimeUnit.SECONDS);

      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
      assertThat(report.prompts()).containsExactly("enter-card", "thanks");
      assertThat(collected.get(5, TimeUnit.SECONDS))
          .isEqualTo(new CollectResult(CollectResult.Status.TERMINATED, 4));
      assertThat(recordingEvents).containsExactly("mute on virtual", "unmute on virtual");
      assertThat(h.failures).isEmpty();
      assertThat(h.anyOnVirtualThread()).as("a continuation ran on a virtual thread").isFalse();
      awaitIdle(engine);
      assertThat(engine.metrics().ended(CallOutcome.HUNG_UP_BY_ENGINE)).isEqualTo(1);
    }
  }

  @Test
  void withinTheUnmuteGraceTheNextPromptStaysOnTheLoopAndTheRecordingMuted() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    List<Boolean> promptOnVirtualThread = new CopyOnWriteArrayList<>();
    SteppedCallHandler handler =
        h.script(
            (call, next, failed) ->
                call.collect(
                    new Prompt("enter-card", ""),
                    call.memory().field("pan", 19),
                    KEY_BY_KEY,
                    h.then(result -> next.run(), failed)),
            (call, next, failed) ->
                call.play(
                    new Prompt("thanks", ""),
                    "",
                    h.then(
                        key -> {
                          promptOnVirtualThread.add(Thread.currentThread().isVirtual());
                          next.run();
                        },
                        failed)),
            (call, next, failed) -> call.hangup(h.then(v -> next.run(), failed)));
    var config =
        TestEngines.config(2)
            .withCall(CallSettings.defaults().withUnmuteGrace(Duration.ofMinutes(1)));
    try (Engine engine = TestEngines.start(config, (t, f) -> Optional.of(handler), recording);
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys("4242#"))
              .get(10, TimeUnit.SECONDS);

      assertThat(report.prompts()).containsExactly("enter-card", "thanks");
      assertThat(recordingEvents).containsExactly("mute on virtual");
      assertThat(promptOnVirtualThread).containsExactly(false);
      assertThat(h.failures).isEmpty();
    }
  }

  @Test
  void blockingWorkRunsOnAVirtualThreadWithTheCallInTheMdcAndMayUseThePort() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    CompletableFuture<String> seen = new CompletableFuture<>();
    SteppedCallHandler handler =
        h.script(
            (call, next, failed) ->
                call.blocking(
                    port -> {
                      port.play(new Prompt("looking-up", ""), "");
                      return Thread.currentThread().isVirtual() + " " + MDC.get("tenant");
                    },
                    h.then(
                        answer -> {
                          seen.complete(answer);
                          next.run();
                        },
                        failed)),
            (call, next, failed) ->
                call.play(new Prompt("balance", ""), "", h.then(key -> next.run(), failed)),
            (call, next, failed) -> call.hangup(h.then(v -> next.run(), failed)));
    try (Engine engine = TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(handler));
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys(""))
              .get(10, TimeUnit.SECONDS);

      assertThat(report.prompts()).containsExactly("looking-up", "balance");
      assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("true city");
      assertThat(h.anyOnVirtualThread()).as("a continuation ran on a virtual thread").isFalse();
      awaitIdle(engine);
      assertThat(engine.metrics().ended(CallOutcome.HUNG_UP_BY_ENGINE)).isEqualTo(1);
      assertThat(engine.pool().zeroings()).isEqualTo(1);
    }
  }

  @Test
  void aReplyThatNeverComesEndsTheCallWithATimeout() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    SteppedCallHandler handler =
        h.script(
            (call, next, failed) -> {
              call.memory().field("pan", 19).append((byte) '4');
              call.play(new Prompt("long-prompt", ""), "", h.then(key -> next.run(), failed));
            });
    var config =
        TestEngines.config(2)
            .withCall(CallSettings.defaults().withMediaTimeout(Duration.ofMillis(200)));
    try (Engine engine = TestEngines.start(config, (t, f) -> Optional.of(handler));
        VirtualPbx pbx =
            VirtualPbx.create(PbxOptions.instant().withPromptDuration(Duration.ofSeconds(3)))) {
      pbx.call(engine.address(), "city/parking", ScriptedCaller.keys("")).get(10, TimeUnit.SECONDS);

      awaitIdle(engine);
      assertThat(h.failures)
          .singleElement()
          .isInstanceOfSatisfying(
              CallPortException.class,
              e -> assertThat(e.kind()).isEqualTo(CallPortException.Kind.REPLY_TIMEOUT));
      assertThat(engine.metrics().ended(CallOutcome.ERROR)).isEqualTo(1);
      assertThat(engine.pool().zeroings()).isEqualTo(1);
      assertThat(warnings()).anyMatch(line -> line.contains("REPLY_TIMEOUT"));
    }
  }

  @Test
  void aDrainedCallsNextCommandFailsSoItsErrorPathRuns() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    CountDownLatch working = new CountDownLatch(1);
    CompletableFuture<Void> release = new CompletableFuture<>();
    List<CallPortException.Kind> kinds = new CopyOnWriteArrayList<>();
    SteppedCallHandler handler =
        h.script(
            (call, next, failed) ->
                call.blocking(
                    port -> {
                      working.countDown();
                      return release.join();
                    },
                    h.then(v -> next.run(), failed)),
            (call, next, failed) ->
                call.play(
                    new Prompt("more", ""),
                    "",
                    h.then(
                        key -> next.run(),
                        e -> {
                          kinds.add(((CallPortException) e).kind());
                          call.play(
                              new Prompt("sorry", ""),
                              "",
                              h.then(k -> call.hangup(h.then(v -> next.run(), failed)), failed));
                        })));
    Engine engine = TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(handler));
    try (VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CompletableFuture<CallReport> report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys(""));
      assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> drained =
          CompletableFuture.runAsync(
              () -> engine.drain(Duration.ofMillis(100), Duration.ofSeconds(30)));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> infos().anyMatch(line -> line.contains("drain.timeout reached: 1 call")));
      release.complete(null);

      assertThat(report.get(10, TimeUnit.SECONDS).prompts()).containsExactly("sorry");
      drained.get(30, TimeUnit.SECONDS);
      assertThat(kinds).containsExactly(CallPortException.Kind.ENGINE_DRAINED);
      assertThat(h.failures).isEmpty();
      assertThat(engine.metrics().ended(CallOutcome.HUNG_UP_BY_ENGINE)).isEqualTo(1);
      assertThat(engine.metrics().zeroedCount()).isEqualTo(1);
    } finally {
      engine.close();
    }
  }

  @Test
  void aHandlerThatSaysItEndedTwiceEndsTheCallOnce() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    SteppedCallHandler handler =
        h.of(
            (call, ended) ->
                call.play(
                    new Prompt("welcome", ""),
                    "",
                    h.then(
                        key -> {
                          ended.accept(null);
                          ended.accept(
                              new CallPortException(
                                  CallPortException.Kind.COMMAND_FAILED, "again"));
                        },
                        ended)));
    try (Engine engine = TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(handler));
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      CallReport report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys(""))
              .get(10, TimeUnit.SECONDS);

      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.AGI_ENDED);
      awaitIdle(engine);
      assertThat(engine.metrics().ended(CallOutcome.COMPLETED)).isEqualTo(1);
      assertThat(engine.metrics().ended(CallOutcome.ERROR)).isZero();
      assertThat(engine.pool().zeroings()).isEqualTo(1);
      assertThat(warnings()).anyMatch(line -> line.contains("more than once"));
    }
  }

  @Test
  void aContinuationThatThrowsFailsTheCall() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    SteppedCallHandler handler =
        h.of(
            (call, ended) ->
                call.play(
                    new Prompt("welcome", ""),
                    "",
                    h.then(
                        key -> {
                          throw new IllegalStateException("a bug in the flow");
                        },
                        ended)));
    try (Engine engine = TestEngines.start(TestEngines.config(2), (t, f) -> Optional.of(handler));
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      pbx.call(engine.address(), "city/parking", ScriptedCaller.keys("")).get(10, TimeUnit.SECONDS);

      awaitIdle(engine);
      assertThat(engine.metrics().ended(CallOutcome.ERROR)).isEqualTo(1);
      assertThat(engine.pool().zeroings()).isEqualTo(1);
      assertThat(logLines)
          .contains("ERROR call handler failed with java.lang.IllegalStateException");
    }
  }

  private java.util.stream.Stream<String> infos() {
    return logLines.stream();
  }

  private List<String> warnings() {
    return logLines.stream().filter(line -> line.startsWith("WARN ")).toList();
  }

  private static void awaitIdle(Engine engine) {
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> engine.activeCalls() == 0);
  }
}
