package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.tabula.engine.session.CallOutcome;
import io.tabula.engine.session.CallSettings;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.NumberGender;
import io.tabula.flows.port.Prompt;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The stepped port sends exactly the lines of the blocking port, reply for reply, and reads the
 * replies the same way: the same script runs once as a {@link CallHandler} on its thread and once
 * stepped on the event loop, against "Asterisk" on a plain socket that answers the same.
 */
class SteppedCommandLinesTest {

  private static final Prompt WELCOME = new Prompt("welcome", "", "tabula/city/welcome");
  private static final Prompt CARD = new Prompt("enter-card", "", "tabula/city/card");
  private static final Prompt PIN = new Prompt("enter-pin", "", "tabula/city/pin");
  private static final CollectOptions OPEN_GET_DATA =
      new CollectOptions(4, Duration.ofSeconds(5), Duration.ofSeconds(5), false);
  private static final CollectOptions SECURE_KEY_BY_KEY =
      new CollectOptions(8, Duration.ofSeconds(5), Duration.ofSeconds(3), true);
  private static final LocalDate DATE = LocalDate.of(2026, 1, 2);

  /** The replies to the script's commands, in order. */
  private static final List<String> REPLIES =
      List.of(
          "200 result=0 endpos=8000", // STREAM FILE welcome
          "200 result=55", // WAIT FOR DIGIT: 7
          "200 result=0", // SAY NUMBER
          "200 result=1", // SET VARIABLE CHANNEL(language)
          "200 result=0", // SAY DIGITS
          "200 result=0", // SAY DATETIME
          "200 result=1234", // GET DATA: 4 digits
          "200 result=0 endpos=100", // STREAM FILE of the secure prompt: no key
          "200 result=49", // WAIT FOR DIGIT: 1
          "200 result=50", // WAIT FOR DIGIT: 2
          "200 result=35", // WAIT FOR DIGIT: #
          "200 result=1"); // SET VARIABLE TABULA_TRANSFER

  @Test
  void theSteppedPortSendsTheBlockingPortsLinesAndReadsTheRepliesAlike() throws Exception {
    List<String> blockingResults = new CopyOnWriteArrayList<>();
    CallHandler blocking =
        call -> {
          blockingResults.add("play " + call.play(WELCOME, "#"));
          blockingResults.add("key " + call.waitForKey(Duration.ofSeconds(2)));
          call.sayNumber(42, NumberGender.FEMININE);
          call.setLanguage("es");
          call.sayDigits("123");
          call.sayDate(DATE);
          blockingResults.add(
              "card " + call.collect(CARD, call.memory().field("card", 19), OPEN_GET_DATA));
          blockingResults.add(
              "pin " + call.collect(PIN, call.memory().field("pin", 8), SECURE_KEY_BY_KEY));
          call.transfer("agents");
        };
    List<String> steppedResults = new CopyOnWriteArrayList<>();
    SteppedHandlers h = new SteppedHandlers();
    var stepped =
        h.script(
            (call, next, failed) ->
                call.play(
                    WELCOME,
                    "#",
                    h.then(
                        key -> {
                          steppedResults.add("play " + key);
                          next.run();
                        },
                        failed)),
            (call, next, failed) ->
                call.waitForKey(
                    Duration.ofSeconds(2),
                    h.then(
                        key -> {
                          steppedResults.add("key " + key);
                          next.run();
                        },
                        failed)),
            (call, next, failed) ->
                call.sayNumber(42, NumberGender.FEMININE, h.then(v -> next.run(), failed)),
            (call, next, failed) -> call.setLanguage("es", h.then(v -> next.run(), failed)),
            (call, next, failed) -> call.sayDigits("123", h.then(v -> next.run(), failed)),
            (call, next, failed) -> call.sayDate(DATE, h.then(v -> next.run(), failed)),
            (call, next, failed) ->
                call.collect(
                    CARD,
                    call.memory().field("card", 19),
                    OPEN_GET_DATA,
                    h.then(
                        result -> {
                          steppedResults.add("card " + result);
                          next.run();
                        },
                        failed)),
            (call, next, failed) ->
                call.collect(
                    PIN,
                    call.memory().field("pin", 8),
                    SECURE_KEY_BY_KEY,
                    h.then(
                        result -> {
                          steppedResults.add("pin " + result);
                          next.run();
                        },
                        failed)),
            (call, next, failed) -> call.transfer("agents", h.then(v -> next.run(), failed)));

    List<String> blockingLines = linesOf(blocking, REPLIES, CallOutcome.TRANSFERRED);
    List<String> steppedLines = linesOf(stepped, REPLIES, CallOutcome.TRANSFERRED);

    assertThat(steppedLines).isEqualTo(blockingLines);
    assertThat(steppedLines)
        .startsWith(
            "STREAM FILE tabula/city/welcome \"#\"", "WAIT FOR DIGIT 2000", "SAY NUMBER 42 \"\" f")
        .contains("SET VARIABLE CHANNEL(language) es", "GET DATA tabula/city/card 5000 4")
        .endsWith(
            "STREAM FILE tabula/city/pin \"0123456789*#\"",
            "WAIT FOR DIGIT 5000",
            "WAIT FOR DIGIT 3000",
            "WAIT FOR DIGIT 3000",
            "SET VARIABLE TABULA_TRANSFER agents");
    assertThat(steppedResults)
        .isEqualTo(blockingResults)
        .containsExactly(
            "play " + KeyPress.NONE,
            "key " + new KeyPress('7'),
            "card CollectResult[status=COMPLETE, digits=4]",
            "pin CollectResult[status=TERMINATED, digits=2]");
    assertThat(h.failures).isEmpty();
    assertThat(h.anyOnVirtualThread()).as("a continuation ran on a virtual thread").isFalse();
    assertThat(h.threads).allMatch(thread -> thread.getName().startsWith("agi-"));
  }

  @Test
  void aMissingPromptWithoutHangupIsCountedAndTheCallGoesOn() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    List<KeyPress> keys = new CopyOnWriteArrayList<>();
    var stepped =
        h.script(
            (call, next, failed) ->
                call.play(
                    WELCOME,
                    "",
                    h.then(
                        key -> {
                          keys.add(key);
                          next.run();
                        },
                        failed)),
            (call, next, failed) ->
                call.collect(
                    CARD,
                    call.memory().field("card", 19),
                    OPEN_GET_DATA,
                    h.then(r -> next.run(), failed)),
            (call, next, failed) -> call.hangup(h.then(v -> next.run(), failed)));
    try (Engine engine = engine(stepped, Duration.ofMillis(100))) {
      List<String> lines =
          LineAsterisk.call(
              engine.address(),
              "city/parking",
              List.of(
                  "200 result=-1 endpos=0", // no sound file for the welcome
                  "200 result=-1", // nor for the card prompt: GET DATA "" follows
                  "200 result=12 (timeout)",
                  "200 result=1\nHANGUP"));

      assertThat(lines)
          .containsExactly(
              "STREAM FILE tabula/city/welcome \"\"",
              "GET DATA tabula/city/card 5000 4",
              "GET DATA \"\" 5000 4",
              "HANGUP");
      assertThat(keys).containsExactly(KeyPress.NONE);
      assertThat(h.failures).isEmpty();
      awaitIdle(engine);
      assertThat(missing(engine, "welcome")).isEqualTo(1.0);
      assertThat(missing(engine, "enter-card")).isEqualTo(1.0);
      assertThat(engine.metrics().ended(CallOutcome.HUNG_UP_BY_ENGINE)).isEqualTo(1);
      assertThat(engine.pool().zeroings()).isEqualTo(1);
    }
  }

  @Test
  void aMinusOneFollowedByHangupEndsTheCallWithoutWaitingTheGraceOut() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    var stepped =
        h.script((call, next, failed) -> call.play(WELCOME, "", h.then(key -> next.run(), failed)));
    // A grace far longer than the test waits: only the HANGUP line can end the wait in time.
    try (Engine engine = engine(stepped, Duration.ofMinutes(5))) {
      List<String> lines =
          LineAsterisk.call(
              engine.address(), "city/parking", List.of("200 result=-1 endpos=0\nHANGUP"));

      assertThat(lines).containsExactly("STREAM FILE tabula/city/welcome \"\"");
      awaitIdle(engine);
      assertThat(h.failures)
          .singleElement()
          .isInstanceOfSatisfying(
              CallEndedException.class,
              e -> assertThat(e.reason()).isEqualTo(CallEndedException.Reason.CALLER_HUNG_UP));
      assertThat(missing(engine, "welcome")).isZero();
      assertThat(engine.metrics().ended(CallOutcome.CALLER_HUNG_UP)).isEqualTo(1);
      assertThat(engine.pool().zeroings()).isEqualTo(1);
    }
  }

  @Test
  void aBadArgumentFailsTheOperationWithoutSendingIt() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    var stepped =
        h.script(
            (call, next, failed) ->
                call.sayDigits(
                    "12a",
                    h.then(
                        v -> next.run(),
                        e -> {
                          h.failures.add(e);
                          next.run();
                        })),
            (call, next, failed) -> call.hangup(h.then(v -> next.run(), failed)));
    try (Engine engine = engine(stepped, Duration.ofMillis(100))) {
      List<String> lines =
          LineAsterisk.call(engine.address(), "city/parking", List.of("200 result=1\nHANGUP"));

      assertThat(lines).containsExactly("HANGUP");
      assertThat(h.failures).singleElement().isInstanceOf(IllegalArgumentException.class);
      awaitIdle(engine);
      assertThat(engine.metrics().ended(CallOutcome.HUNG_UP_BY_ENGINE)).isEqualTo(1);
    }
  }

  @Test
  void aProtocolErrorReplyFailsTheOperationWithTheTypedError() throws Exception {
    SteppedHandlers h = new SteppedHandlers();
    var stepped =
        h.script(
            (call, next, failed) ->
                call.sayNumber(7, NumberGender.NEUTRAL, h.then(v -> next.run(), failed)));
    try (Engine engine = engine(stepped, Duration.ofMillis(100))) {
      LineAsterisk.call(
          engine.address(), "city/parking", List.of("510 Invalid or unknown command"));

      assertThat(h.failures)
          .singleElement()
          .isInstanceOfSatisfying(
              CallPortException.class,
              e -> assertThat(e.kind()).isEqualTo(CallPortException.Kind.PROTOCOL_ERROR));
      awaitIdle(engine);
      assertThat(engine.metrics().ended(CallOutcome.ERROR)).isEqualTo(1);
      assertThat(engine.pool().zeroings()).isEqualTo(1);
    }
  }

  private static List<String> linesOf(CallHandler handler, List<String> replies, CallOutcome end)
      throws Exception {
    try (Engine engine = engine(handler, Duration.ofMillis(100))) {
      List<String> lines = LineAsterisk.call(engine.address(), "city/parking", replies);
      awaitIdle(engine);
      assertThat(engine.metrics().ended(end)).isEqualTo(1);
      assertThat(engine.pool().zeroings()).isEqualTo(1);
      return lines;
    }
  }

  private static Engine engine(CallHandler handler, Duration hangupGrace) {
    CallSettings d = CallSettings.defaults();
    CallSettings settings =
        new CallSettings(
            d.commandTimeout(),
            d.mediaTimeout(),
            hangupGrace,
            d.closeLinger(),
            d.transferVariable(),
            d.notAvailablePrompt(),
            d.pleaseCallBackPrompt(),
            d.unmuteGrace());
    return TestEngines.start(
        TestEngines.config(2).withCall(settings), (t, f) -> Optional.of(handler));
  }

  private static double missing(Engine engine, String prompt) {
    Counter counter =
        engine.metrics().registry().find("tabula.prompts.missing").tag("prompt", prompt).counter();
    return counter == null ? 0 : counter.count();
  }

  private static void awaitIdle(Engine engine) {
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> engine.activeCalls() == 0);
  }
}
