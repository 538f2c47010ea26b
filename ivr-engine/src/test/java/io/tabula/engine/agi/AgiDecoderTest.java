package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.tabula.engine.Fixtures;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgiDecoderTest {

  private static final byte[] HEADER =
      Arrays.copyOf(
          Fixtures.fromAsterisk("card-entry"),
          Fixtures.headerEnd(Fixtures.fromAsterisk("card-entry")));

  private static CallMemoryPool pool;
  private CallMemory memory;
  private DecoderHarness harness;

  @BeforeAll
  static void openPool() {
    pool = CallMemoryPool.open(CallMemoryPoolConfig.defaults().withSlots(2));
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @BeforeEach
  void setUp() {
    memory = ((Acquisition.Acquired) pool.acquire()).memory();
    harness = new DecoderHarness();
  }

  @AfterEach
  void tearDown() {
    memory.release();
    harness.finish();
  }

  @Test
  void headerBecomesOneAgiHeaderWithArgumentsAndQueryKept() {
    byte[] args = Fixtures.fromAsterisk("args");
    harness.feed(args);

    AgiHeader header = harness.of(AgiHeader.class).getFirst();
    assertThat(header.networkScript()).isEqualTo("args/city/parking?lang=en");
    assertThat(header.arguments()).containsExactly("one", "two three");
    assertThat(header.getOrEmpty("accountcode")).isEmpty();
    assertThat(header.channel()).isEqualTo("Local/args@ivr-0000000a;2");
  }

  @Test
  void secureGetDataDigitsGoIntoTheFieldAndEveryInputBufferIsZeroed() {
    harness.feed(HEADER);
    SecretField pan = memory.field("pan", 19);
    harness.send(
        PendingCommand.expecting(
            AgiCommand.of("GET DATA").arg("beep").arg(8000).arg(19),
            new ReplyExpectation.DigitsInto(pan)));
    byte[] reply = ascii("200 result=4242424242424242\n");
    harness.feed(reply, 0, 15);
    harness.feed(reply, 15, reply.length);

    AgiReply decoded = harness.of(CommandReply.class).getFirst().reply();
    assertThat(decoded).isEqualTo(new AgiReply.SecureInput(16, AgiReply.Ending.INPUT_ENDED));
    assertThat(decoded.toString()).doesNotContain("4242");
    assertThat(pan.length()).isEqualTo(16);
    assertThat(pan.luhnValid()).isTrue();
    assertThat(pan.lastFour()).isEqualTo("4242");
    assertThat(harness.everyInputZeroedAndReleased()).isTrue();
  }

  @Test
  void everyReadIsLeftEmptySoTheLoopsReadBufferNeedsNoSecondZeroing() {
    harness.feed(HEADER);
    harness.send(PendingCommand.resultOnly(AgiCommand.of("STREAM FILE").arg("hello").quoted("")));
    harness.feed(ascii("200 result=0 endpos=8000\n"));

    assertThat(harness.of(CommandReply.class)).hasSize(1);
    assertThat(harness.everyInputEmptied()).isTrue();
    assertThat(harness.everyInputZeroedAndReleased()).isTrue();
  }

  @Test
  void getDataTimeoutWithAndWithoutDigits() {
    harness.feed(HEADER);
    SecretField some = memory.field("some", 10);
    SecretField none = memory.field("none", 10);
    harness.send(
        PendingCommand.expecting(AgiCommand.of("GET DATA"), new ReplyExpectation.DigitsInto(some)));
    harness.send(
        PendingCommand.expecting(AgiCommand.of("GET DATA"), new ReplyExpectation.DigitsInto(none)));
    harness.feed(ascii("200 result=12 (timeout)\n200 result= (timeout)\n"));

    assertThat(harness.of(CommandReply.class))
        .extracting(CommandReply::reply)
        .containsExactly(
            new AgiReply.SecureInput(2, AgiReply.Ending.TIMEOUT),
            new AgiReply.SecureInput(0, AgiReply.Ending.TIMEOUT));
  }

  @Test
  void waitForDigitAsciiCodeBecomesOneDigitAndZeroMeansNoKey() {
    harness.feed(HEADER);
    SecretField pin = memory.field("pin", 4);
    harness.send(
        PendingCommand.expecting(
            AgiCommand.of("WAIT FOR DIGIT").arg(5000), new ReplyExpectation.KeyInto(pin)));
    harness.send(
        PendingCommand.expecting(
            AgiCommand.of("WAIT FOR DIGIT").arg(5000), new ReplyExpectation.KeyInto(pin)));
    harness.send(
        PendingCommand.expecting(AgiCommand.of("STREAM FILE"), new ReplyExpectation.KeyInto(pin)));
    harness.feed(ascii("200 result=55\n200 result=0\n200 result=35 endpos=800\n"));

    assertThat(harness.of(CommandReply.class))
        .extracting(CommandReply::reply)
        .containsExactly(
            new AgiReply.SecureInput(1, AgiReply.Ending.INPUT_ENDED),
            new AgiReply.SecureInput(0, AgiReply.Ending.NO_KEY),
            new AgiReply.SecureInput(0, AgiReply.Ending.KEY_TERMINATED));
    byte first = pin.read(view -> view.digitAt(0));
    assertThat(first).isEqualTo((byte) 0x37);
  }

  @Test
  void dataRunsFromTheFirstOpeningToTheLastClosingParenthesis() {
    harness.feed(HEADER);
    List<String> replies =
        List.of(
            "200 result=1 (x) (y)",
            "200 result=1 (say \"hi\" now)",
            "200 result=1 (a\\b)",
            "200 result=1 ()",
            "200 result=0");
    for (int i = 0; i < replies.size(); i++) {
      harness.send(PendingCommand.plain(AgiCommand.of("GET VARIABLE").arg("V" + i)));
    }
    harness.feed(ascii(String.join("\n", replies) + "\n"));

    assertThat(harness.of(CommandReply.class))
        .extracting(r -> ((AgiReply.Success) r.reply()).data())
        .containsExactly("x) (y", "say \"hi\" now", "a\\b", "", null);
  }

  @Test
  void streamFileEndposAndNegativeResults() {
    harness.feed(HEADER);
    harness.send(PendingCommand.plain(AgiCommand.of("STREAM FILE")));
    harness.send(PendingCommand.plain(AgiCommand.of("SAY NUMBER")));
    harness.feed(ascii("200 result=53 endpos=800\n200 result=-1\n"));

    assertThat(harness.of(CommandReply.class))
        .extracting(CommandReply::reply)
        .containsExactly(
            new AgiReply.Success(53, true, null, 800), new AgiReply.Success(-1, true, null, -1));
  }

  @Test
  void codes510And511AndTheUsageBlock() {
    harness.feed(HEADER);
    for (int i = 0; i < 3; i++) {
      harness.send(PendingCommand.plain(AgiCommand.of("X")));
    }
    harness.feed(
        ascii(
            "510 Invalid or unknown command\n511 Command Not Permitted on a dead channel or intercept routine\n"
                + "520-Invalid command syntax.  Proper usage follows:\nline one\n    <value>x</value>\n520 End of proper usage.\n"));

    assertThat(harness.of(CommandReply.class))
        .extracting(CommandReply::reply)
        .containsExactly(
            new AgiReply.InvalidCommand(), new AgiReply.DeadChannel(), new AgiReply.UsageError(2));
  }

  @Test
  void hangupLineIsAcceptedBeforeAReplyBetweenCommandsAndAfterClose() {
    harness.feed(HEADER);
    harness.send(PendingCommand.plain(AgiCommand.of("GET DATA")));
    harness.feed(ascii("HANGUP\n200 result=-1\nHANGUP\n"));
    harness.channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);

    assertThat(
            harness.messages.stream()
                .skip(1)
                .map(m -> m instanceof AgiHangup ? "HANGUP" : "reply")
                .toList())
        .containsExactly("HANGUP", "reply", "HANGUP");
    assertThat(harness.errors).isEmpty();
  }

  @Test
  void garbageClosesWithOneErrorThatCarriesNoBytes() {
    harness.feed(HEADER);
    harness.send(PendingCommand.plain(AgiCommand.of("ANSWER")));
    harness.feed(ascii("4242424242424242 garbage\n200 result=0\n"));

    assertThat(harness.errors)
        .singleElement()
        .isInstanceOfSatisfying(
            AgiProtocolException.class,
            e -> {
              assertThat(e.violation()).isEqualTo(AgiProtocolException.Violation.MALFORMED_REPLY);
              assertThat(e.lineLength()).isEqualTo(24);
              assertThat(e.getMessage()).doesNotContain("4242");
            });
    assertThat(harness.of(CommandReply.class)).isEmpty();
    assertThat(harness.everyInputZeroedAndReleased()).isTrue();
  }

  @Test
  void garbageInsteadOfAHeader() {
    harness.feed(ascii("GET / HTTP/1.1\n"));

    assertThat(harness.errors)
        .singleElement()
        .extracting(e -> ((AgiProtocolException) e).violation())
        .isEqualTo(AgiProtocolException.Violation.MALFORMED_HEADER);
  }

  @Test
  void oversizedLineIsRefusedWithoutLineFeedAcrossReads() {
    harness.feed(HEADER);
    byte[] chunk = new byte[5000];
    Arrays.fill(chunk, (byte) '7');
    harness.feed(chunk);
    harness.feed(chunk);

    assertThat(harness.errors)
        .singleElement()
        .extracting(e -> ((AgiProtocolException) e).violation())
        .isEqualTo(AgiProtocolException.Violation.LINE_TOO_LONG);
    assertThat(harness.everyInputZeroedAndReleased()).isTrue();
  }

  @Test
  void oversizedLineInOneRead() {
    byte[] line = new byte[AgiLimits.DEFAULT_MAX_LINE_BYTES + 2];
    Arrays.fill(line, (byte) 'a');
    line[line.length - 1] = '\n';
    harness.feed(line);

    assertThat(harness.errors)
        .singleElement()
        .extracting(e -> ((AgiProtocolException) e).violation())
        .isEqualTo(AgiProtocolException.Violation.LINE_TOO_LONG);
  }

  @Test
  void headerLargerThanTheLimit() {
    DecoderHarness small = new DecoderHarness(new AgiLimits(64, 128, Duration.ofSeconds(5)));
    try {
      small.feed(HEADER);
      assertThat(small.errors)
          .singleElement()
          .extracting(e -> ((AgiProtocolException) e).violation())
          .isEqualTo(AgiProtocolException.Violation.HEADER_TOO_LARGE);
    } finally {
      small.finish();
    }
  }

  @Test
  void halfHeaderThenHalfClosedSocket() {
    harness.feed(HEADER, 0, 100);
    harness.channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);

    assertThat(harness.errors)
        .singleElement()
        .extracting(e -> ((AgiProtocolException) e).violation())
        .isEqualTo(AgiProtocolException.Violation.HALF_HEADER);
    assertThat(harness.of(AgiHeader.class)).isEmpty();
  }

  @Test
  void headerThatTakesTooLongTimesOutOnVirtualTime() {
    harness.feed(HEADER, 0, 100);
    harness.channel.advanceTimeBy(4, TimeUnit.SECONDS);
    harness.channel.runScheduledPendingTasks();
    assertThat(harness.errors).isEmpty();

    harness.channel.advanceTimeBy(2, TimeUnit.SECONDS);
    harness.channel.runScheduledPendingTasks();
    assertThat(harness.errors)
        .singleElement()
        .extracting(e -> ((AgiProtocolException) e).violation())
        .isEqualTo(AgiProtocolException.Violation.HEADER_TIMEOUT);
  }

  /**
   * The header deadline is an entry of the loop's {@link LoopTimeouts}: it fires at most one check
   * period after {@code agi.headerTimeout}.
   */
  @Test
  void aSlowHeaderFailsWithinOnePeriodOfItsDeadline() {
    long timeout = AgiLimits.defaults().headerTimeout().toMillis();
    harness.feed(HEADER, 0, 100);

    advanceMillis(timeout - 1);
    assertThat(harness.errors).isEmpty();

    advanceMillis(LoopTimeouts.PERIOD.toMillis() + 1);
    assertThat(harness.errors)
        .singleElement()
        .extracting(e -> ((AgiProtocolException) e).violation())
        .isEqualTo(AgiProtocolException.Violation.HEADER_TIMEOUT);
  }

  /** A header that arrives in time empties its entry at once: the decoder is not kept for it. */
  @Test
  void aHeaderInTimeLeavesNoTimeoutOnTheLoop() {
    LoopTimeouts timeouts = LoopTimeouts.of(harness.channel.eventLoop());
    assertThat(timeouts.held()).isEqualTo(1);

    harness.feed(HEADER);

    assertThat(timeouts.held()).isZero();
    advanceMillis(AgiLimits.defaults().headerTimeout().toMillis() * 2);
    assertThat(harness.errors).isEmpty();
    assertThat(harness.channel.runScheduledPendingTasks()).isEqualTo(-1);
  }

  @Test
  void replyNobodyAskedFor() {
    harness.feed(HEADER);
    harness.feed(ascii("200 result=0\n"));

    assertThat(harness.errors)
        .singleElement()
        .extracting(e -> ((AgiProtocolException) e).violation())
        .isEqualTo(AgiProtocolException.Violation.UNEXPECTED_REPLY);
  }

  @Test
  void digitsForAFieldThatWasReleasedFailTheCommandNotTheDecoder() {
    harness.feed(HEADER);
    CallMemory other = ((Acquisition.Acquired) pool.acquire()).memory();
    SecretField stale = other.field("pan", 19);
    other.release();
    PendingCommand command =
        harness.send(
            PendingCommand.expecting(
                AgiCommand.of("GET DATA"), new ReplyExpectation.DigitsInto(stale)));
    harness.feed(ascii("200 result=4242\n"));

    assertThat(command.reply().isFailed()).isTrue();
    assertThat(harness.errors).isEmpty();
    assertThat(harness.everyInputZeroedAndReleased()).isTrue();
  }

  private void advanceMillis(long millis) {
    harness.channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
    harness.channel.runScheduledPendingTasks();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
