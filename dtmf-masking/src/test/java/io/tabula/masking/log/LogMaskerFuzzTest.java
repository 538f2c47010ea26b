package io.tabula.masking.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tabula.testing.TimeBound;
import java.time.Duration;

/**
 * Coverage-guided fuzzing of {@link LogMasker}, the masking every log line passes through
 * (docs/fuzzing.md): a test card number written with nothing, spaces, dashes or another separator
 * between its groups, anywhere in any text, never survives masking, and no card number is left for
 * a second pass to find (a keyed value already masked may be masked again: {@code ***} is a value
 * too). The quick pass that picks the finders for a line finds what running every finder finds
 * ({@link PrefilterEquivalenceTest}).
 */
class LogMaskerFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));
  private static final String[] SEPARATORS = {"", " ", "-", "/", "\t", ", ", "  ", "\u00a0"};
  private static final SecretScanner SCANNER = new SecretScanner(ScanPolicy.MASKING);
  private static final SecretScanner REFERENCE = SecretScanner.withoutQuickPass(ScanPolicy.MASKING);

  static {
    // Load and initialise the masker's classes (the IIN table, the shape decoders) before the first
    // input's time bound starts: under a fuzzer's instrumentation on a loaded machine that took
    // over five seconds of the first input's bound, which is for loops in the masker, not for
    // class loading.
    String warmUp = "card 4111 1111 1111 1111 cvv=123 [4, 1] %34 \u0034 \uff14 200 result=12";
    LogMasker.standard().mask(warmUp);
    REFERENCE.scan(warmUp);
  }

  @FuzzTest
  void masksACardInAnyText(FuzzedDataProvider data) throws Exception {
    String separator = SEPARATORS[data.consumeInt(0, SEPARATORS.length - 1)];
    String card = String.join(separator, "4111", "1111", "1111", "1111");
    String before = data.consumeString(200);
    String after = data.consumeRemainingAsString();
    String text = before + " " + card + " " + after;
    BOUND.run(
        () -> {
          String masked = LogMasker.standard().mask(text);
          // The card as written, between the spaces it was put between; not the text with every
          // separator removed, which joins digits that were never together, and not the same
          // sixteen digits inside a longer run of the fuzzer's own digits (no card number is 39
          // digits long; the scanner's check below still finds any card left): both findings of
          // the fuzzer, not leaks.
          assertThat(masked)
              .as("the card survived masking in: %s", masked)
              .doesNotContain(" " + card + " ");
          assertThat(SCANNER.scan(text))
              .as("the quick pass skipped a finding in: %s", text)
              .isEqualTo(REFERENCE.scan(text));
          assertThat(SCANNER.scan(masked))
              .as("a card number is still found in the masked text: %s", masked)
              .noneMatch(f -> f.kind() == SecretKind.CARD_NUMBER);
        });
  }
}
