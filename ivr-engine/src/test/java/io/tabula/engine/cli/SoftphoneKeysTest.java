package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.tabula.engine.pbx.CallerAction;
import io.tabula.engine.pbx.InputRequest;
import io.tabula.flows.simulate.Keypad;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys typed at the softphone for a collect may be a real card number: they never become a String.
 * The test presses a freshly drawn number on a keypad that makes each key on the fly (so the test
 * itself holds no text of it), then looks for the number as ASCII (a String's bytes) in a heap dump
 * of this JVM, unreachable objects included.
 */
class SoftphoneKeysTest {

  @TempDir Path dir;

  @Test
  void keysTypedForACollectNeverBecomeAString() throws Exception {
    int[] card = freshDigits(16);
    StringWriter screen = new StringWriter();
    SoftphoneCaller softphone =
        SoftphoneCaller.atKeypad(
            new PrintWriter(screen), prompt -> prompt, prompt -> false, pressing(card));

    CallerAction action =
        softphone
            .input(new InputRequest("GET DATA", "enter-card", 19, Duration.ofSeconds(5)))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);

    assertThat(action).isInstanceOf(CallerAction.Keys.class);
    CallerAction.Keys keys = (CallerAction.Keys) action;
    assertThat(keys.keys().length()).isEqualTo(17);
    assertThat(screen.toString()).contains("keys: ****************#");
    keys.keys().wipe();
    Path dump = dir.resolve("softphone.hprof");
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
        .dumpHeap(dump.toString(), false);
    assertThat(asciiOccurrences(dump, card)).as("the typed card as a String's bytes").isZero();
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

  /** A terminal keypad pressing the card's digits and '#', each key made when it is read. */
  private static Keypad pressing(int[] digits) {
    return new Keypad() {
      private int next;

      @Override
      public int next(Duration wait) {
        int at = next++;
        return at < digits.length ? '0' + digits[at] : at == digits.length ? '#' : NONE;
      }

      @Override
      public boolean echoes() {
        return true;
      }

      @Override
      public void close() {}
    };
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
