package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import io.tabula.engine.server.LoadCallProbe.Asterisk;
import io.tabula.engine.server.LoadCallProbe.Rounds;
import io.tabula.testing.ThreadAllocations;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What the engine's event loops allocate per CALL, over many short real calls on loopback, one
 * after another, each a whole call as Asterisk makes it: connect, header block, three commands
 * ({@code STREAM FILE}, {@code GET DATA} with six digits into call memory, {@code SAY DIGITS}), the
 * caller's {@code HANGUP} line instead of the fourth reply, the engine's half-close, Asterisk's
 * close. The loops' allocated bytes are read between windows of calls; they include the accept, the
 * pipeline, the header, the session, three commands (≈ 16 B each, {@link
 * SteppedCommandAllocationTest}), the half-close and the close.
 *
 * <p>The per-call garbage is what feeds the collector at 200 calls in progress: a command leaves
 * almost nothing. See docs/engine.md, "Work per call (session 11)" and "(session 12)".
 */
class CallAllocationTest {

  private static final byte[] HEADER = LoadCallProbe.header();
  private static final int WARM_UP_CALLS = 4_000;
  private static final int WINDOW_CALLS = 1_000;
  private static final int WINDOWS = 4;

  /**
   * Bytes per call the loops may allocate (best window). Before session 11's cuts: 9,712-9,789 B
   * (the header's map, keys and value strings, a stack trace per call from the last command's
   * failure, a promise and an exception for closing a closed channel). After them 5,950-6,120 B,
   * most of it Netty's and the JDK's per connection (channel, pipeline, contexts, promises,
   * SocketChannelImpl, addresses, timers), the session, its stepped runner and the three commands.
   * Session 12 took the header and close-linger timers off Netty's scheduler and the pipeline's
   * initializer off each call: 5,648-5,701 B. The rest is room for the JIT: the header's map and
   * strings back (≈ 3 KB) go over it.
   */
  private static final double BOUND = 6_200.0;

  /**
   * The same on io_uring, which the engine runs on where the kernel allows it (session 14): 6,368-
   * 7,605 B per call over the windows of two runs. Netty's io_uring channel keeps more state per
   * connection, and each submission (poll, receive, write, close, cancel) is an operation object of
   * its own. The rest of the bound is room for the JIT, as above.
   */
  private static final double IO_URING_BOUND = 8_000.0;

  @Test
  void aShortCallAllocatesLittleOnTheEventLoops() throws Exception {
    com.sun.management.ThreadMXBean mx = ThreadAllocations.counter();
    Rounds flow = new Rounds(1);
    ResourceLeakDetector.Level testLevel = LoadCallProbe.leakDetectorOff();
    try (Engine engine =
        TestEngines.start(TestEngines.config(4), (tenant, flowName) -> Optional.of(flow))) {
      for (int call = 0; call < WARM_UP_CALLS; call++) {
        call(engine.address());
      }
      double[] perCall = new double[WINDOWS];
      for (int window = 0; window < WINDOWS; window++) {
        awaitCallsEnded(engine);
        long before = LoadCallProbe.allocatedBytes(mx, flow.loops);
        for (int call = 0; call < WINDOW_CALLS; call++) {
          call(engine.address());
        }
        awaitCallsEnded(engine);
        perCall[window] =
            (LoadCallProbe.allocatedBytes(mx, flow.loops) - before) / (double) WINDOW_CALLS;
      }
      System.out.printf(
          "CallAllocationTest: event-loop bytes per call, windows of %d calls: %s%n",
          WINDOW_CALLS, Arrays.toString(perCall));
      assertThat(flow.failures).isEmpty();
      assertThat(engine.pool().zeroings()).isEqualTo(WARM_UP_CALLS + (long) WINDOWS * WINDOW_CALLS);
      assertThat(Arrays.stream(perCall).min().orElseThrow())
          .as("event-loop bytes allocated per call on %s, best window", engine.transport())
          .isLessThan(engine.transport() == Transport.IO_URING ? IO_URING_BOUND : BOUND);
    } finally {
      ResourceLeakDetector.setLevel(testLevel);
    }
  }

  private static void awaitCallsEnded(Engine engine) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.activeCalls() == 0);
  }

  /** Plays Asterisk for one whole call; returns once Asterisk's side is closed. */
  private static void call(InetSocketAddress engine) throws Exception {
    try (Asterisk asterisk = new Asterisk(engine)) {
      asterisk.send(HEADER);
      asterisk.expect("STREAM FIL");
      asterisk.answer();
      asterisk.expect("GET DATA t");
      asterisk.answer();
      asterisk.expect("SAY DIGITS");
      asterisk.answer();
      asterisk.expect("STREAM FIL");
      asterisk.send(LoadCallProbe.HANGUP);
      // The engine half-closes once the call ended; Asterisk then sends its closing HANGUP and
      // closes (fixtures README, observation 5).
      asterisk.awaitEngineClose();
      asterisk.send(LoadCallProbe.HANGUP);
    }
  }
}
