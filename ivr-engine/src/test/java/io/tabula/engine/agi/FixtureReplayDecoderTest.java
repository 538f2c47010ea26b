package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.Fixtures;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded {@code .from-asterisk.bin} stream decodes to one header, one reply per recorded
 * command and every HANGUP line, whatever point a read splits it at; secure replies land in fields
 * and every fed buffer ends up zeroed.
 */
class FixtureReplayDecoderTest {

  private static CallMemoryPool pool;

  @BeforeAll
  static void openPool() {
    pool = CallMemoryPool.open(CallMemoryPoolConfig.defaults().withSlots(2));
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  static List<String> scenarios() {
    return Fixtures.AGI_SCENARIOS;
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void decodesInOneRead(String scenario) {
    Decoded decoded = decode(scenario, -1);
    assertThat(decoded.replies).hasSize(Fixtures.commands(scenario).size());
    assertThat(decoded.hangups).isEqualTo(Fixtures.hangupLines(Fixtures.fromAsterisk(scenario)));
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void decodesTheSameAtEverySplitPoint(String scenario) {
    Decoded whole = decode(scenario, -1);
    byte[] stream = Fixtures.fromAsterisk(scenario);
    for (int split = 1; split < stream.length; split++) {
      Decoded parts = decode(scenario, split);
      assertThat(parts.summary).as("split at %d", split).isEqualTo(whole.summary);
    }
  }

  private Decoded decode(String scenario, int split) {
    byte[] stream = Fixtures.fromAsterisk(scenario);
    DecoderHarness harness = split < 0 ? new DecoderHarness() : DecoderHarness.untracked();
    CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
    try {
      int n = 0;
      for (String line : Fixtures.commands(scenario)) {
        harness.send(PendingCommand.expecting(AgiCommand.of(line), expectation(line, memory, n++)));
      }
      if (split < 0) {
        harness.feed(stream);
      } else {
        harness.feed(stream, 0, split);
        harness.feed(stream, split, stream.length);
      }
      assertThat(harness.errors).isEmpty();
      assertThat(harness.everyInputZeroedAndReleased()).isTrue();
      List<String> summary = new ArrayList<>();
      for (Object message : harness.messages) {
        summary.add(describe(message));
      }
      for (var field : memory.fields()) {
        summary.add(field.name() + " length=" + field.length() + " luhn=" + field.luhnValid());
      }
      return new Decoded(
          harness.of(CommandReply.class), harness.of(AgiHangup.class).size(), summary);
    } finally {
      memory.release();
      harness.finish();
    }
  }

  private static ReplyExpectation expectation(String line, CallMemory memory, int n) {
    String upper = line.toUpperCase(Locale.ROOT);
    if (upper.startsWith("GET DATA ")) {
      return new ReplyExpectation.DigitsInto(memory.field("f" + n, 19));
    }
    if (upper.startsWith("WAIT FOR DIGIT") || upper.startsWith("STREAM FILE ")) {
      return new ReplyExpectation.KeyInto(memory.field("f" + n, 1));
    }
    return ReplyExpectation.PLAIN;
  }

  private static String describe(Object message) {
    return switch (message) {
      case AgiHeader header -> "header " + header.variables().size() + " " + header.networkScript();
      case CommandReply reply -> "reply " + reply.reply();
      case AgiHangup hangup -> "HANGUP";
      default -> message.getClass().getName();
    };
  }

  private record Decoded(List<CommandReply> replies, int hangups, List<String> summary) {}
}
