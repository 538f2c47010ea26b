package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Counter;
import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.Prompt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A prompt Asterisk has no sound file for answers {@code result=-1} with the channel up (STREAM
 * FILE: {@code 200 result=-1 endpos=0}; GET DATA: {@code 200 result=-1} without collecting, both
 * checked against a real Asterisk 22.10.1). The caller then hears nothing, but a collect still
 * collects, and the miss is logged with the prompt's name and counted.
 */
class MissingPromptTest {

  private static final CollectOptions KEY_BY_KEY =
      new CollectOptions(16, Duration.ofSeconds(5), Duration.ofSeconds(3), true);
  private static final CollectOptions ONE_TIMEOUT =
      new CollectOptions(16, Duration.ofSeconds(5), Duration.ofSeconds(5), true);

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
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
  void aKeyByKeyCollectStillCollectsWhenItsPromptIsMissing() throws Exception {
    assertCollectsDespiteMissingPrompt(KEY_BY_KEY);
  }

  @Test
  void aGetDataCollectStillCollectsWhenItsPromptIsMissing() throws Exception {
    assertCollectsDespiteMissingPrompt(ONE_TIMEOUT);
  }

  @Test
  void aMissingPlayedPromptIsLoggedByNameAndCounted() throws Exception {
    CallHandler handler =
        call -> {
          call.play(new Prompt("welcome", ""), "");
          call.hangup();
        };
    try (Engine engine = engine(handler);
        VirtualPbx pbx =
            VirtualPbx.create(PbxOptions.instant().withMissingSounds(Set.of("welcome")))) {
      CallReport report =
          pbx.call(engine.address(), "city/parking", new ScriptedCaller(List.of()))
              .get(10, TimeUnit.SECONDS);

      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
      assertThat(missingCount(engine, "welcome")).isEqualTo(1.0);
      assertThat(warnings()).anyMatch(line -> line.contains("'welcome'"));
    }
  }

  @Test
  void aFlowPromptIsPlayedByItsSoundNameAndAMissNamesPromptAndSound() throws Exception {
    CallHandler handler =
        call -> {
          call.play(new Prompt("goodbye", "Goodbye.", "tabula/city/0123456789abcdef0123"), "");
          call.collect(
              new Prompt("enter-card", "Card?", "tabula/city/aaaa"),
              call.memory().field("pan", 19),
              ONE_TIMEOUT);
          call.collect(
              new Prompt("enter-cvc", "CVC?", "tabula/city/bbbb"),
              call.memory().field("cvc", 4),
              KEY_BY_KEY);
          call.hangup();
        };
    try (Engine engine = engine(handler);
        VirtualPbx pbx =
            VirtualPbx.create(
                PbxOptions.instant()
                    .withMissingSounds(Set.of("tabula/city/0123456789abcdef0123")))) {
      CallReport report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys("4242#,123#"))
              .get(10, TimeUnit.SECONDS);

      assertThat(report.prompts())
          .containsExactly(
              "tabula/city/0123456789abcdef0123", "tabula/city/aaaa", "tabula/city/bbbb");
      assertThat(missingCount(engine, "goodbye")).isEqualTo(1.0);
      assertThat(warnings())
          .anyMatch(
              line ->
                  line.contains("'goodbye'")
                      && line.contains("'tabula/city/0123456789abcdef0123'")
                      && line.contains("tabula prompts render"));
    }
  }

  private void assertCollectsDespiteMissingPrompt(CollectOptions options) throws Exception {
    CompletableFuture<CollectResult> collected = new CompletableFuture<>();
    CallHandler handler =
        call -> {
          collected.complete(
              call.collect(new Prompt("enter-card", ""), call.memory().field("pan", 19), options));
          call.hangup();
        };
    try (Engine engine = engine(handler);
        VirtualPbx pbx =
            VirtualPbx.create(PbxOptions.instant().withMissingSounds(Set.of("enter-card")))) {
      CallReport report =
          pbx.call(engine.address(), "city/parking", ScriptedCaller.keys("4242#"))
              .get(10, TimeUnit.SECONDS);

      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
      CollectResult result = collected.get(5, TimeUnit.SECONDS);
      assertThat(result.digits()).isEqualTo(4);
      assertThat(result.status()).isEqualTo(CollectResult.Status.TERMINATED);
      assertThat(missingCount(engine, "enter-card")).isEqualTo(1.0);
      assertThat(warnings())
          .anyMatch(line -> line.contains("'enter-card'"))
          .noneMatch(line -> line.contains("WAIT FOR DIGIT"));
    }
  }

  private static Engine engine(CallHandler handler) {
    return TestEngines.start(
        TestEngines.config(2), (t, f) -> Optional.of(handler), new UnmutedRecordingControl());
  }

  private static double missingCount(Engine engine, String prompt) {
    Counter counter =
        engine.metrics().registry().find("tabula.prompts.missing").tag("prompt", prompt).counter();
    return counter == null ? 0 : counter.count();
  }

  private List<String> warnings() {
    return logs.list.stream()
        .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
