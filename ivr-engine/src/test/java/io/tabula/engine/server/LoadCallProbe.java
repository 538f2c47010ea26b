package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import io.tabula.engine.Fixtures;
import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallSteps;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.port.SteppedCallHandler;
import io.tabula.flows.port.Then;
import io.tabula.masking.memory.SecretField;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The load harness's call (bin/perf-floor) as the allocation tests play it on loopback, both sides:
 * {@link Rounds}, the engine's stepped handler for it, and {@link Asterisk}, a socket that answers
 * its commands as Asterisk does. Plus what those tests share around it: the event loops' allocated
 * bytes, and Netty's leak detector switched off while they are counted (the test JVMs track every
 * buffer with a stack trace, 47 KB per command: Netty's bookkeeping, not the engine's).
 *
 * <pre>{@code
 * Rounds rounds = new Rounds(1);                     // one round, then the caller hangs up
 * ResourceLeakDetector.Level level = LoadCallProbe.leakDetectorOff();
 * try (Engine engine = TestEngines.start(config, (t, f) -> Optional.of(rounds))) {
 *   long before = LoadCallProbe.allocatedBytes(mx, rounds.loops);
 * } finally {
 *   ResourceLeakDetector.setLevel(level);
 * }
 * }</pre>
 */
final class LoadCallProbe {

  static final Prompt WELCOME = new Prompt("welcome", "", "tabula/load/welcome");
  static final Prompt ENTER = new Prompt("enter-account", "", "tabula/load/enter-account");
  static final CollectOptions SIX_DIGITS =
      new CollectOptions(6, Duration.ofSeconds(5), Duration.ofSeconds(5), false);

  static final byte[] PLAYED = line("200 result=0 endpos=8000");
  static final byte[] SIX_KEYED = line("200 result=123456");
  static final byte[] SAID = line("200 result=0");
  static final byte[] HANGUP = line("HANGUP");

  private LoadCallProbe() {}

  /** The recorded card-entry call's header, routed to the load flow ({@code load/account}). */
  static byte[] header() {
    byte[] recorded = Fixtures.fromAsterisk("card-entry");
    String header =
        new String(
            Arrays.copyOf(recorded, Fixtures.headerEnd(recorded)), StandardCharsets.US_ASCII);
    return header
        .replace("agi_network_script: card-entry", "agi_network_script: load/account")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The bytes {@code threads} allocated so far, summed. */
  static long allocatedBytes(com.sun.management.ThreadMXBean mx, Set<Thread> threads) {
    long sum = 0;
    for (Thread thread : threads) {
      sum += mx.getThreadAllocatedBytes(thread.threadId());
    }
    return sum;
  }

  /** Switches Netty's leak detector off; returns the level to set back when the count is done. */
  static ResourceLeakDetector.Level leakDetectorOff() {
    ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    return before;
  }

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Asterisk's side of one connection to the engine: the header sent, then line by line. */
  static final class Asterisk implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] line = new byte[256];
    private int length;

    Asterisk(InetSocketAddress engine) throws Exception {
      socket = new Socket(engine.getAddress(), engine.getPort());
      socket.setSoTimeout(30_000);
      socket.setTcpNoDelay(true);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 512);
    }

    void send(byte[] bytes) throws Exception {
      out.write(bytes);
      out.flush();
    }

    /** Reads the engine's next command line; fails the test if the engine closed first. */
    void readCommand() throws Exception {
      int length = 0;
      for (int b; (b = in.read()) != '\n'; ) {
        if (b < 0) {
          throw new AssertionError("the engine closed the connection after " + length + " bytes");
        }
        line[length++] = (byte) b;
      }
      this.length = length;
    }

    /** The command just read starts with {@code verb}. */
    void expect(String verb) throws Exception {
      readCommand();
      assertThat(command(verb.length())).isEqualTo(verb);
    }

    /** Answers the command just read as the load generator does. */
    void answer() throws Exception {
      send(
          switch (command(10)) {
            case "STREAM FIL" -> PLAYED;
            case "GET DATA t" -> SIX_KEYED;
            case "SAY DIGITS" -> SAID;
            default -> throw new AssertionError("unexpected command " + command(length));
          });
    }

    /** Reads until the engine shuts its side of the connection. */
    void awaitEngineClose() throws Exception {
      while (in.read() >= 0) {
        // until the engine's half-close or close
      }
    }

    private String command(int prefix) {
      return new String(line, 0, Math.min(length, prefix), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
    }
  }

  /**
   * The load call's rounds ({@code STREAM FILE} welcome, {@code GET DATA} six digits into call
   * memory, {@code SAY DIGITS} read back), {@code roundsPerCall} of them, then a welcome that only
   * the caller's hangup may end. Its continuations are made once and shared by every call (the
   * tests make one call at a time), so they allocate nothing themselves: every byte counted is the
   * engine's or Netty's.
   */
  static final class Rounds implements SteppedCallHandler {
    final List<RuntimeException> failures = new CopyOnWriteArrayList<>();

    /** The event loops that ran a call. */
    final Set<Thread> loops = ConcurrentHashMap.newKeySet();

    private final int roundsPerCall;
    private final CompletableFuture<Thread> firstLoop = new CompletableFuture<>();
    private CallSteps call;
    private Consumer<RuntimeException> ended;
    private SecretField account;
    private int round;

    Rounds(int roundsPerCall) {
      this.roundsPerCall = roundsPerCall;
    }

    private final Then<KeyPress> afterWelcome =
        new Step<>() {
          @Override
          public void done(KeyPress key) {
            if (round > 0) {
              account.clear();
            }
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
            round++;
            call.play(WELCOME, "0", round < roundsPerCall ? afterWelcome : afterLastWelcome);
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
        if (!(failure instanceof CallEndedException)) {
          failures.add(failure);
        }
        ended.accept(failure);
      }
    }

    /** The event loop of the first call. */
    Thread loop() throws Exception {
      return firstLoop.get(1, TimeUnit.MINUTES);
    }

    @Override
    public void start(CallSteps call, Consumer<RuntimeException> ended) {
      this.call = call;
      this.ended = ended;
      this.account = call.memory().field("account", 6);
      this.round = 0;
      loops.add(Thread.currentThread());
      firstLoop.complete(Thread.currentThread());
      call.play(WELCOME, "0", afterWelcome);
    }

    @Override
    public void handle(CallPort call) {
      throw new AssertionError("a stepped handler was run on a thread of its own");
    }
  }
}
