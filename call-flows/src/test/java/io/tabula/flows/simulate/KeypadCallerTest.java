package io.tabula.flows.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.tabula.flows.ShippedFlows;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.masking.memory.CallMemoryPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flows simulate} played at a keypad: the keys of a card go from the keypad into the call's
 * secret memory, are echoed as {@code *}, and never become a String. The keypad makes each key on
 * the fly, so the test holds no text of the card either; a heap dump (unreachable objects included)
 * is searched for it.
 */
class KeypadCallerTest {

  @TempDir Path dir;

  @Test
  void aCardKeyedAtTheKeypadIsEchoedAsStarsAndNeverBecomesAString() throws Exception {
    int[] card = freshDigits(16);
    StringWriter screen = new StringWriter();
    FlowSimulator.Simulation simulation;
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      simulation =
          new FlowSimulator(pool, DemoConnectors.create(ShippedFlows.CLOCK), ShippedFlows.CLOCK)
              .run(
                  ShippedFlows.load("city/parking-ticket.yaml"),
                  new PressingKeypad(card, true),
                  new PrintWriter(screen),
                  new Transcript());
    }

    assertThat(simulation.ending()).isEqualTo(SimulatedCallPort.Ending.CALLER_HUNG_UP);
    assertThat(simulation.memoryZeroed()).isTrue();
    assertThat(simulation.transcript())
        .contains("Caller: keys 8 digits", "Caller: presses 1")
        .contains("Caller: keys 16 digits# (secure: recording muted, digits masked)");
    assertThat(screen.toString())
        .contains(
            "Caller keys: 12345678\n", "Caller keys: 1\n", "Caller keys: ****************#\n");
    Path dump = dir.resolve("simulate.hprof");
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .dumpHeap(dump.toString(), false);
    assertThat(asciiOccurrences(dump, card)).as("the keyed card as a String's bytes").isZero();
  }

  @Test
  void keysFromAKeypadThatIsNoTerminalAreNotEchoed() {
    StringWriter screen = new StringWriter();
    try (CallMemoryPool pool = FlowSimulator.smallPool()) {
      new FlowSimulator(pool, DemoConnectors.create(ShippedFlows.CLOCK), ShippedFlows.CLOCK)
          .run(
              ShippedFlows.load("city/parking-ticket.yaml"),
              new PressingKeypad(freshDigits(16), false),
              new PrintWriter(screen),
              new Transcript());
    }
    assertThat(screen.toString()).isEmpty();
  }

  /**
   * Presses the ticket, 1 for the menu, the card and {@code #}, then hangs up at the expiry. No key
   * is down when a prompt starts (a zero wait finds none), as for a person reading the screen.
   */
  private static final class PressingKeypad implements Keypad {
    private final int[] card;
    private final boolean terminal;
    private int next;

    PressingKeypad(int[] card, boolean terminal) {
      this.card = card;
      this.terminal = terminal;
    }

    @Override
    public int next(Duration wait) {
      if (wait != null && wait.isZero()) {
        return NONE;
      }
      int at = next++;
      if (at < 9) {
        return at < 8 ? '1' + at : '#';
      }
      if (at == 9) {
        return '1';
      }
      int inCard = at - 10;
      return inCard < card.length ? '0' + card[inCard] : inCard == card.length ? '#' : HANG_UP;
    }

    @Override
    public boolean echoes() {
      return terminal;
    }

    @Override
    public void close() {}
  }

  private static int[] freshDigits(int count) {
    SecureRandom random = new SecureRandom();
    int[] digits = new int[count];
    digits[0] = 4;
    for (int i = 1; i < count; i++) {
      digits[i] = random.nextInt(10);
    }
    return digits;
  }

  private static long asciiOccurrences(Path file, int[] digits) throws IOException {
    long found = 0;
    int matched = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read; (read = in.read(buffer)) > 0; ) {
        for (int i = 0; i < read; i++) {
          int b = buffer[i];
          matched = b == '0' + digits[matched] ? matched + 1 : (b == '0' + digits[0] ? 1 : 0);
          if (matched == digits.length) {
            found++;
            matched = 0;
          }
        }
      }
    }
    return found;
  }
}
