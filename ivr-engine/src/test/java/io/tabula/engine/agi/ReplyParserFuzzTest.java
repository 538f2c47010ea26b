package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import io.tabula.testing.TimeBound;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of {@link ReplyParser} on any {@code 200 result=} line (docs/fuzzing.md).
 * A secure reply puts into its field exactly the leading digits of the value that fit, nothing but
 * digits, never past the field's capacity; the parser reads only between {@code from} and {@code
 * to} (the same line between sentinel digits parses the same) and never writes to the line.
 */
class ReplyParserFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));
  private static final byte[] SENTINEL = ReplyParser.ascii("99999999999999999999)");

  private static CallMemoryPool pool;

  @BeforeAll
  static void openPool() {
    pool = CallMemoryPool.open(CallMemoryPoolConfig.defaults().withSlots(2));
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  @FuzzTest
  void parsesAnyReplyLine(FuzzedDataProvider data) throws Exception {
    int kind = data.consumeInt(0, 2);
    int capacity = data.consumeInt(1, 19);
    int prefilled = data.consumeInt(0, capacity);
    byte[] line = concat(ReplyParser.RESULT_PREFIX, data.consumeRemainingAsBytes());
    BOUND.run(() -> parseBothWays(kind, capacity, prefilled, line));
  }

  private static void parseBothWays(int kind, int capacity, int prefilled, byte[] line) {
    CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
    try {
      SecretField alone = prefilledField(memory, "alone", capacity, prefilled);
      SecretField framed = prefilledField(memory, "framed", capacity, prefilled);
      ByteBuf exact = Unpooled.wrappedBuffer(line.clone());
      ByteBuf between = Unpooled.wrappedBuffer(concat(concat(SENTINEL, line), SENTINEL));

      AgiReply one = ReplyParser.parse(exact, 0, line.length, expectation(kind, alone));
      AgiReply two =
          ReplyParser.parse(
              between, SENTINEL.length, SENTINEL.length + line.length, expectation(kind, framed));

      assertThat(two).as("bytes outside the line changed the reply").isEqualTo(one);
      assertThat(alone.contentEquals(framed))
          .as("bytes outside the line reached the field")
          .isTrue();
      assertThat(Arrays.equals(exact.array(), line)).as("the parser wrote to the line").isTrue();
      assertThat(alone.length()).isLessThanOrEqualTo(capacity);
      if (one instanceof AgiReply.SecureInput secure) {
        assertThat(alone.length()).isEqualTo(prefilled + secure.digits());
        assertStoredWhatTheLineCarried(alone, kind, prefilled, line);
      } else {
        assertThat(kind).as("a secure expectation gave a plain reply").isZero();
        assertThat(alone.length()).isEqualTo(prefilled);
      }
    } finally {
      memory.release();
    }
  }

  /**
   * What the parse added to the field: for {@code GET DATA} the value's own leading digits, in
   * order; for a key, the one digit whose ASCII code the value is.
   */
  private static void assertStoredWhatTheLineCarried(
      SecretField field, int kind, int prefilled, byte[] line) {
    int start = ReplyParser.RESULT_PREFIX.length;
    field.read(
        digits -> {
          for (int i = prefilled; i < digits.length(); i++) {
            byte expected = kind == 1 ? line[start + i - prefilled] : keyOf(line, start);
            if (digits.digitAt(i) != expected) {
              throw new AssertionError("the field holds a digit the reply did not carry there");
            }
          }
          return null;
        });
  }

  private static byte keyOf(byte[] line, int start) {
    int code = 0;
    for (int i = start; i < line.length && ReplyParser.isDigit(line[i]); i++) {
      code = code * 10 + (line[i] - '0');
    }
    return (byte) code;
  }

  private static SecretField prefilledField(
      CallMemory memory, String name, int capacity, int prefilled) {
    SecretField field = memory.field(name, capacity);
    for (int i = 0; i < prefilled; i++) {
      field.append((byte) '1');
    }
    return field;
  }

  private static ReplyExpectation expectation(int kind, SecretField field) {
    return switch (kind) {
      case 1 -> new ReplyExpectation.DigitsInto(field);
      case 2 -> new ReplyExpectation.KeyInto(field);
      default -> ReplyExpectation.PLAIN;
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
