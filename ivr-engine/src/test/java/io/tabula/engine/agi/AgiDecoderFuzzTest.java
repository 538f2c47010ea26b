package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tabula.engine.Fixtures;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.testing.CheckedAllocator;
import io.tabula.testing.TimeBound;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the FastAGI decoder (docs/fuzzing.md). Whatever bytes arrive, in
 * whatever reads, and whatever commands are in flight: the decoder ends each stream with results or
 * one typed {@link AgiProtocolException}, in bounded time, holding at most one read plus its line
 * carry, releasing every buffer, and zeroing every buffer before it lets it go.
 *
 * <p>The build replays the inputs under {@code AgiDecoderFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes.
 */
class AgiDecoderFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));
  private static final byte[] HEADER = header();
  private static final String[] LINES = {
    "200 result=1",
    "200 result=4242424242424242 (timeout)",
    "200 result=4242#",
    "200 result=-1",
    "200 result=55 endpos=1234",
    "200 result=0 (data (with) parens) endpos=99999999999999999999",
    "200 result=",
    "520-Invalid command syntax.  Proper usage follows:",
    "Usage: GET DATA <file to be streamed> [timeout] [max digits]",
    "520 End of proper usage.",
    "HANGUP",
    "510 Invalid or unknown command",
    "511 Command Not Permitted on a dead channel or intercept routine",
    "agi_request: agi://127.0.0.1/x",
    "",
  };

  private static CallMemoryPool pool;

  @BeforeAll
  static void openPool() {
    pool = CallMemoryPool.open(CallMemoryPoolConfig.defaults().withSlots(2));
  }

  @AfterAll
  static void closePool() {
    pool.close();
  }

  /** Raw bytes after the recorded header (or without it), cut into reads at fuzzed points. */
  @FuzzTest
  void decodesAnyBytes(FuzzedDataProvider data) throws Exception {
    Setup setup = Setup.from(data);
    boolean withHeader = data.consumeBoolean();
    byte[] body = data.consumeRemainingAsBytes();
    byte[] stream = withHeader ? concat(HEADER, body) : body;
    BOUND.run(() -> decode(setup, stream));
  }

  /** Lines of every kind a real Asterisk sends, and garbage, in fuzzed order and fuzzed reads. */
  @FuzzTest
  void decodesAnyInterleaving(FuzzedDataProvider data) throws Exception {
    Setup setup = Setup.from(data);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    if (data.consumeBoolean()) {
      stream.writeBytes(HEADER);
    }
    int lines = data.consumeInt(0, 64);
    for (int i = 0; i < lines && data.remainingBytes() > 0; i++) {
      int pick = data.consumeInt(0, LINES.length);
      if (pick == LINES.length) {
        stream.writeBytes(data.consumeBytes(data.consumeInt(0, 300)));
      } else {
        stream.writeBytes(LINES[pick].getBytes(StandardCharsets.US_ASCII));
      }
      stream.write(data.consumeBoolean() ? '\n' : '\r');
    }
    byte[] bytes = stream.toByteArray();
    BOUND.run(() -> decode(setup, bytes));
  }

  private static void decode(Setup setup, byte[] stream) {
    CheckedAllocator allocator = CheckedAllocator.zeroChecking();
    InFlightCommands inFlight = new InFlightCommands();
    Recorder recorder = new Recorder();
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.config().setAllocator(allocator);
    channel.freezeTime();
    channel.pipeline().addLast(new AgiDecoder(setup.limits, inFlight), recorder);
    CallMemory memory = ((Acquisition.Acquired) pool.acquire()).memory();
    try {
      List<PendingCommand> sent = send(inFlight, setup.expectations, memory);
      int largestRead = feed(channel, allocator, stream, setup.cuts);
      channel.finishAndReleaseAll();

      assertThat(recorder.errors).hasSizeLessThanOrEqualTo(1);
      assertThat(recorder.errors).allMatch(AgiProtocolException.class::isInstance);
      assertThat(recorder.replies).hasSizeLessThanOrEqualTo(sent.size());
      for (var field : memory.fields()) {
        assertThat(field.length()).isLessThanOrEqualTo(field.capacity());
      }
      allocator.assertAllReleased();
      allocator.assertReleasedOnlyZeroed();
      // One read in flight, plus the carry of at most one line while it grows (old and new).
      allocator.assertPeakAtMost(largestRead + 2L * setup.limits.maxLineBytes());
    } finally {
      memory.release();
    }
  }

  /** Queues the commands as the encoder would once written (the command bytes are not fuzzed). */
  private static List<PendingCommand> send(
      InFlightCommands inFlight, int[] expectations, CallMemory memory) {
    List<PendingCommand> sent = new ArrayList<>();
    for (int i = 0; i < expectations.length; i++) {
      ReplyExpectation expectation =
          switch (expectations[i]) {
            case 1 -> new ReplyExpectation.DigitsInto(memory.field("d" + i, 19));
            case 2 -> new ReplyExpectation.KeyInto(memory.field("k" + i, 1));
            default -> ReplyExpectation.PLAIN;
          };
      PendingCommand command = PendingCommand.expecting(AgiCommand.of("NOOP"), expectation);
      inFlight.add(command);
      sent.add(command);
    }
    return sent;
  }

  /** Feeds the stream in reads cut at the given offsets; returns the largest read. */
  private static int feed(
      EmbeddedChannel channel, CheckedAllocator allocator, byte[] stream, int[] cuts) {
    int[] points = Arrays.stream(cuts).map(c -> Math.min(c, stream.length)).sorted().toArray();
    int from = 0;
    int largest = 0;
    for (int i = 0; i <= points.length; i++) {
      int to = i < points.length ? points[i] : stream.length;
      if (to > from) {
        ByteBuf read = allocator.directBuffer(to - from);
        read.writeBytes(stream, from, to - from);
        largest = Math.max(largest, read.capacity());
        channel.writeInbound(read);
        from = to;
      }
    }
    return largest;
  }

  private static byte[] header() {
    byte[] recorded = Fixtures.fromAsterisk("card-entry");
    return Arrays.copyOf(recorded, Fixtures.headerEnd(recorded));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** The fuzzed circumstances of one stream: limits, commands in flight, read boundaries. */
  private record Setup(AgiLimits limits, int[] expectations, int[] cuts) {
    static Setup from(FuzzedDataProvider data) {
      AgiLimits limits =
          data.consumeBoolean()
              ? AgiLimits.defaults()
              : new AgiLimits(64, data.consumeInt(64, 4096), Duration.ofSeconds(5));
      int[] expectations = new int[data.consumeInt(0, 6)];
      for (int i = 0; i < expectations.length; i++) {
        expectations[i] = data.consumeInt(0, 2);
      }
      int[] cuts = new int[data.consumeInt(0, 8)];
      for (int i = 0; i < cuts.length; i++) {
        cuts[i] = data.consumeInt(0, 1 << 16);
      }
      return new Setup(limits, expectations, cuts);
    }
  }

  private static final class Recorder extends ChannelInboundHandlerAdapter {
    final List<Throwable> errors = new ArrayList<>();
    final List<CommandReply> replies = new ArrayList<>();

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof CommandReply reply) {
        replies.add(reply);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      errors.add(cause);
    }
  }
}
