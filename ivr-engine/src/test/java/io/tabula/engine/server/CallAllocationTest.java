package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import io.tabula.engine.Fixtures;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallSteps;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.port.SteppedCallHandler;
import io.tabula.flows.port.Then;
import io.tabula.masking.memory.SecretField;
import io.tabula.testing.ThreadAllocations;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What the engine's event loops allocate per CALL, over many short real calls on loopback, one
 * after another, each a whole call as Asterisk makes it: connect, header block, three commands
 * ({@code STREAM FILE}, {@code GET DATA} with six digits into call memory, {@code SAY DIGITS}), the
 * caller's {@code HANGUP} line instead of the fourth reply, the engine's half-close, Asterisk's
 * close. The loops' allocated bytes are read between windows of calls; they include the accept, the
 * pipeline, the header, the session, three commands (≈ 16 B each, {@link
 * SteppedCommandAllocationTest}), the half-close, the close and the close-linger timer.
 *
 * <p>The per-call garbage is what feeds the collector at 200 calls in progress: a command leaves
 * almost nothing. See docs/engine.md, "Work per call (session 11)".
 */
class CallAllocationTest {

  private static final Prompt WELCOME = new Prompt("welcome", "", "tabula/load/welcome");
  private static final Prompt ENTER = new Prompt("enter-account", "", "tabula/load/enter-account");
  private static final CollectOptions SIX_DIGITS =
      new CollectOptions(6, Duration.ofSeconds(5), Duration.ofSeconds(5), false);

  private static final int WARM_UP_CALLS = 4_000;
  private static final int WINDOW_CALLS = 1_000;
  private static final int WINDOWS = 4;

  /**
   * Bytes per call the loops may allocate (best window). Before session 11's cuts: 9,712-9,789 B
   * (the header's map, keys and value strings, a stack trace per call from the last command's
   * failure, a promise and an exception for closing a closed channel). After them 5,950-6,120 B,
   * most of it Netty's and the JDK's per connection (channel, pipeline, contexts, promises,
   * SocketChannelImpl, addresses, timers), the session, its stepped runner and the three commands.
   * The rest is room for the JIT: the header's map and strings back (≈ 3 KB) go over it.
   */
  private static final double BOUND = 6_600.0;

  @Test
  void aShortCallAllocatesLittleOnTheEventLoops() throws Exception {
    com.sun.management.ThreadMXBean mx = ThreadAllocations.counter();
    ShortCall flow = new ShortCall();
    ResourceLeakDetector.Level testLevel = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    try (Engine engine =
        TestEngines.start(TestEngines.config(4), (tenant, flowName) -> Optional.of(flow))) {
      byte[] header = header();
      for (int call = 0; call < WARM_UP_CALLS; call++) {
        call(engine.address(), header);
      }
      double[] perCall = new double[WINDOWS];
      for (int window = 0; window < WINDOWS; window++) {
        awaitCallsEnded(engine);
        long before = loopBytes(mx, flow.loops);
        for (int call = 0; call < WINDOW_CALLS; call++) {
          call(engine.address(), header);
        }
        awaitCallsEnded(engine);
        perCall[window] = (loopBytes(mx, flow.loops) - before) / (double) WINDOW_CALLS;
      }
      System.out.printf(
          "CallAllocationTest: event-loop bytes per call, windows of %d calls: %s%n",
          WINDOW_CALLS, Arrays.toString(perCall));
      assertThat(flow.failures).isEmpty();
      assertThat(engine.pool().zeroings()).isEqualTo(WARM_UP_CALLS + (long) WINDOWS * WINDOW_CALLS);
      assertThat(Arrays.stream(perCall).min().orElseThrow())
          .as("event-loop bytes allocated per call, best window")
          .isLessThan(BOUND);
    } finally {
      ResourceLeakDetector.setLevel(testLevel);
    }
  }

  private static void awaitCallsEnded(Engine engine) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.activeCalls() == 0);
  }

  private static long loopBytes(com.sun.management.ThreadMXBean mx, Set<Thread> loops) {
    long sum = 0;
    for (Thread loop : loops) {
      sum += mx.getThreadAllocatedBytes(loop.threadId());
    }
    return sum;
  }

  /** Plays Asterisk for one whole call; returns once Asterisk's side is closed. */
  private static void call(InetSocketAddress engine, byte[] header) throws Exception {
    try (Socket asterisk = new Socket(engine.getAddress(), engine.getPort())) {
      asterisk.setSoTimeout(30_000);
      asterisk.setTcpNoDelay(true);
      OutputStream out = asterisk.getOutputStream();
      InputStream in = new BufferedInputStream(asterisk.getInputStream(), 512);
      out.write(header);
      out.flush();
      expect(in, "STREAM FIL");
      out.write(PLAYED);
      out.flush();
      expect(in, "GET DATA t");
      out.write(SIX_KEYED);
      out.flush();
      expect(in, "SAY DIGITS");
      out.write(SAID);
      out.flush();
      expect(in, "STREAM FIL");
      out.write(HANGUP);
      out.flush();
      // The engine half-closes once the call ended; Asterisk then sends its closing HANGUP and
      // closes (fixtures README, observation 5).
      while (in.read() >= 0) {
        // until the engine's half-close
      }
      out.write(HANGUP);
      out.flush();
    }
  }

  private static final byte[] PLAYED = line("200 result=0 endpos=8000");
  private static final byte[] SIX_KEYED = line("200 result=123456");
  private static final byte[] SAID = line("200 result=0");
  private static final byte[] HANGUP = line("HANGUP");

  private static void expect(InputStream in, String verb) throws Exception {
    byte[] line = new byte[256];
    int length = 0;
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new AssertionError("the engine closed the connection before " + verb);
      }
      line[length++] = (byte) b;
    }
    assertThat(new String(line, 0, Math.min(length, verb.length()), StandardCharsets.US_ASCII))
        .isEqualTo(verb);
  }

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] header() {
    byte[] recorded = Fixtures.fromAsterisk("card-entry");
    String header =
        new String(
            Arrays.copyOf(recorded, Fixtures.headerEnd(recorded)), StandardCharsets.US_ASCII);
    return header
        .replace("agi_network_script: card-entry", "agi_network_script: load/account")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Welcome, six digits, read back, welcome again until the caller hangs up. The continuations are
   * made once, shared by every call (one call at a time), so they allocate nothing themselves.
   */
  private static final class ShortCall implements SteppedCallHandler {
    final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    final Set<Thread> loops = ConcurrentHashMap.newKeySet();
    private CallSteps call;
    private Consumer<RuntimeException> ended;
    private SecretField account;

    private final Then<CollectResult> afterCollect =
        new Step<>() {
          @Override
          public void done(CollectResult result) {
            call.sayDigits("42", afterReadBack);
          }
        };
    private final Then<Void> afterReadBack =
        new Step<>() {
          @Override
          public void done(Void nothing) {
            call.play(WELCOME, "0", afterLastWelcome);
          }
        };
    private final Then<KeyPress> afterWelcome =
        new Step<>() {
          @Override
          public void done(KeyPress key) {
            call.collect(ENTER, account, SIX_DIGITS, afterCollect);
          }
        };
    private final Then<KeyPress> afterLastWelcome =
        new Step<>() {
          @Override
          public void done(KeyPress key) {
            failures.add(new IllegalStateException("the caller's hangup did not end the call"));
          }
        };

    /** A continuation whose failure (the caller's hangup, at the end) ends the call. */
    private abstract class Step<T> implements Then<T> {
      @Override
      public void failed(RuntimeException failure) {
        if (!(failure instanceof io.tabula.flows.port.CallEndedException)) {
          failures.add(failure);
        }
        ended.accept(failure);
      }
    }

    @Override
    public void start(CallSteps call, Consumer<RuntimeException> ended) {
      this.call = call;
      this.ended = ended;
      this.account = call.memory().field("account", 6);
      loops.add(Thread.currentThread());
      call.play(WELCOME, "0", afterWelcome);
    }

    @Override
    public void handle(CallPort call) {
      throw new AssertionError("a stepped handler was run on a thread of its own");
    }
  }
}
