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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What the engine's event loop allocates per AGI command of a stepped call at steady state, over a
 * real loopback connection: the load call's rounds ({@code STREAM FILE <welcome> "0"}, {@code GET
 * DATA <prompt> 5000 6} with six digits into call memory, {@code SAY DIGITS 42 ""}) for tens of
 * thousands of commands, the loop thread's allocated bytes read between windows of commands. The
 * handler's own continuations are made once, so every byte counted is the engine's (decoder,
 * command, reply, session, stepped port) or Netty's.
 *
 * <p>Before the per-command work was cut the loop allocated 387 bytes per command here (128 of them
 * Netty's NIO selector without its own key set, which tests now get as the engine does): the
 * command line's builder and array, the pending command, reply slot, reply, CommandReply message,
 * Durations, collect results. See docs/engine.md, "Garbage per AGI command".
 */
class SteppedCommandAllocationTest {

  private static final Prompt WELCOME = new Prompt("welcome", "", "tabula/load/welcome");
  private static final Prompt ENTER = new Prompt("enter-account", "", "tabula/load/enter-account");
  private static final CollectOptions SIX_DIGITS =
      new CollectOptions(6, Duration.ofSeconds(5), Duration.ofSeconds(5), false);

  private static final int WARM_UP_COMMANDS = 60_000;
  private static final int WINDOW_COMMANDS = 15_000;
  private static final int WINDOWS = 4;

  /**
   * Bytes per command the loop may allocate. Measured after the cuts: 16 B, none of them the
   * engine's: the JDK's selector boxes each ready descriptor above 127 (16 B a wake-up), and in
   * some runs SecretField.clear's memory slice, when the handler empties the field before each
   * collect, is not optimised away (40 B a round, 13 B a command). The rest is room for the JIT; a
   * line or reply object per command, as before (387 B), goes over it.
   */
  private static final double BOUND = 48.0;

  @Test
  void aSteadySteppedCallAllocatesAlmostNothingPerCommandOnItsEventLoop() throws Exception {
    com.sun.management.ThreadMXBean mx = ThreadAllocations.counter();
    Rounds rounds = new Rounds();
    // The test JVMs track every buffer with a stack trace (paranoid: 47 KB per command). The
    // detector is Netty's bookkeeping, not the engine's: off while the engine's garbage is counted.
    ResourceLeakDetector.Level testLevel = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    try (Engine engine =
        TestEngines.start(TestEngines.config(2), (tenant, flow) -> Optional.of(rounds))) {
      double[] perCommand = callAndMeasure(engine.address(), rounds, mx);
      System.out.printf(
          "SteppedCommandAllocationTest: event-loop bytes per AGI command, windows of %d: %s%n",
          WINDOW_COMMANDS, Arrays.toString(perCommand));
      assertThat(rounds.failures).isEmpty();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> engine.activeCalls() == 0);
      assertThat(engine.pool().zeroings()).isEqualTo(1);
      assertThat(Arrays.stream(perCommand).min().orElseThrow())
          .as("event-loop bytes allocated per AGI command, best window")
          .isLessThan(BOUND);
    } finally {
      ResourceLeakDetector.setLevel(testLevel);
    }
  }

  /**
   * Plays Asterisk for one call: answers each command as the load generator does, reads the loop's
   * allocated bytes while the engine waits for a reply, hangs up after the last window.
   */
  private static double[] callAndMeasure(
      InetSocketAddress engine, Rounds rounds, com.sun.management.ThreadMXBean mx)
      throws Exception {
    double[] perCommand = new double[WINDOWS];
    try (Socket asterisk = new Socket(engine.getAddress(), engine.getPort())) {
      asterisk.setSoTimeout(30_000);
      asterisk.setTcpNoDelay(true);
      OutputStream out = asterisk.getOutputStream();
      InputStream in = new BufferedInputStream(asterisk.getInputStream());
      out.write(header());
      out.flush();
      byte[] line = new byte[256];
      long before = 0;
      long cpuBefore = 0;
      int total = WARM_UP_COMMANDS + WINDOWS * WINDOW_COMMANDS;
      for (int command = 0; command < total; command++) {
        int length = readLine(in, line);
        if (command >= WARM_UP_COMMANDS && (command - WARM_UP_COMMANDS) % WINDOW_COMMANDS == 0) {
          long now = mx.getThreadAllocatedBytes(rounds.loop().threadId());
          int window = (command - WARM_UP_COMMANDS) / WINDOW_COMMANDS;
          if (window > 0) {
            perCommand[window - 1] = (now - before) / (double) WINDOW_COMMANDS;
          } else {
            cpuBefore = mx.getThreadCpuTime(rounds.loop().threadId());
          }
          before = now;
        }
        out.write(replyTo(line, length));
        out.flush();
      }
      readLine(in, line);
      perCommand[WINDOWS - 1] =
          (mx.getThreadAllocatedBytes(rounds.loop().threadId()) - before)
              / (double) WINDOW_COMMANDS;
      // Printed, not asserted: CPU time on a shared machine is too noisy for a bound.
      System.out.printf(
          "SteppedCommandAllocationTest: event-loop CPU per AGI command %.1f us%n",
          (mx.getThreadCpuTime(rounds.loop().threadId()) - cpuBefore)
              / 1000.0
              / (WINDOWS * WINDOW_COMMANDS));
      out.write("HANGUP\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      while (in.read() >= 0) {
        // until the engine closes the connection
      }
    }
    return perCommand;
  }

  private static final byte[] PLAYED = reply("200 result=0 endpos=8000");
  private static final byte[] SIX_KEYED = reply("200 result=123456");
  private static final byte[] SAID = reply("200 result=0");

  private static byte[] replyTo(byte[] line, int length) {
    String verb = new String(line, 0, Math.min(length, 10), StandardCharsets.US_ASCII);
    return switch (verb) {
      case "STREAM FIL" -> PLAYED;
      case "GET DATA t" -> SIX_KEYED;
      case "SAY DIGITS" -> SAID;
      default -> throw new AssertionError("unexpected command " + verb);
    };
  }

  private static byte[] reply(String text) {
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

  /** Reads one line into {@code line}; returns its length without the LF. */
  private static int readLine(InputStream in, byte[] line) throws Exception {
    int length = 0;
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new AssertionError("the engine closed the connection after " + length + " bytes");
      }
      line[length++] = (byte) b;
    }
    return length;
  }

  /**
   * The load call's rounds until the caller hangs up, its continuations made once per call so that
   * they allocate nothing themselves.
   */
  private static final class Rounds implements SteppedCallHandler {
    final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Thread> loop = new CompletableFuture<>();
    private CallSteps call;
    private Consumer<RuntimeException> ended;
    private SecretField account;

    private final Then<KeyPress> afterWelcome =
        new Step<>() {
          @Override
          public void done(KeyPress key) {
            account.clear();
            call.collect(ENTER, account, SIX_DIGITS, afterCollect);
          }
        };
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
            call.play(WELCOME, "0", afterWelcome);
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

    Thread loop() throws Exception {
      return loop.get(1, TimeUnit.MINUTES);
    }

    @Override
    public void start(CallSteps call, Consumer<RuntimeException> ended) {
      this.call = call;
      this.ended = ended;
      this.account = call.memory().field("account", 6);
      loop.complete(Thread.currentThread());
      call.play(WELCOME, "0", afterWelcome);
    }

    @Override
    public void handle(CallPort call) {
      throw new AssertionError("a stepped handler was run on a thread of its own");
    }
  }
}
