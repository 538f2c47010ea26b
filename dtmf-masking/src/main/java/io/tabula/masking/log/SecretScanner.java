package io.tabula.masking.log;

import static io.tabula.masking.log.Chars.isDigit;
import static io.tabula.masking.log.Chars.isGroupSeparator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds card data and other secrets in one line of text. Thread-safe and allocation-free for lines
 * that hold nothing suspicious, which is almost every line: one pass looks for a chain of 13 or
 * more digits, 13 digits in a line with JSON quotes, a secret key before a {@code =} or {@code :},
 * or a private-key or bearer-token marker, and only then do the finders run.
 *
 * <pre>{@code
 * SecretScanner scanner = new SecretScanner(ScanPolicy.AUDIT);
 * for (Finding f : scanner.scan("pan=4111 1111 1111 1111")) {
 *   System.out.println(f.kind() + " " + f.replacement()); // CARD_NUMBER [Visa ****1111]
 * }
 * }</pre>
 */
public final class SecretScanner {

  private static final Comparator<Finding> BY_START_THEN_LONGEST =
      Comparator.comparingInt(Finding::start).thenComparingInt(f -> -f.end());

  private final ScanPolicy policy;
  private final TrackDataFinder tracks;
  private final CardNumberFinder cards;
  private final KeyedValueFinder keyed;

  public SecretScanner(ScanPolicy policy) {
    this.policy = policy;
    this.tracks = new TrackDataFinder(policy);
    this.cards = new CardNumberFinder(policy);
    this.keyed = new KeyedValueFinder(policy);
  }

  /** The findings of a line in order, without overlaps; empty for almost every line. */
  public List<Finding> scan(CharSequence line) {
    if (!mightContainSecrets(line)) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>(4);
    tracks.find(line, found);
    cards.find(line, found);
    keyed.find(line, found);
    if (policy.findOtherSecrets()) {
      OtherSecrets.find(line, found);
    }
    return withoutOverlaps(found);
  }

  /**
   * The quick pass: false means the line certainly holds nothing this scanner would find. Chains
   * follow the same joining rule as the card finder (one space, dash or dot between digits).
   */
  public boolean mightContainSecrets(CharSequence line) {
    int n = line.length();
    int chain = 0;
    int digits = 0;
    boolean quote = false;
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (isDigit(c)) {
        digits++;
        if (++chain >= 13) {
          return true;
        }
      } else if (!(isGroupSeparator(c) && joinsDigits(line, i))) {
        chain = 0;
        if (c == '"') {
          quote = true;
        } else if ((c == '=' || c == ':') && SecretKeys.keyBefore(line, i) != null) {
          return true;
        } else if (c == '-' || c == 'B' || c == 'b') {
          if (policy.findOtherSecrets() && OtherSecrets.startsAt(line, i)) {
            return true;
          }
        }
      }
    }
    return quote && digits >= 13;
  }

  private static boolean joinsDigits(CharSequence line, int i) {
    return i > 0
        && i + 1 < line.length()
        && isDigit(line.charAt(i - 1))
        && isDigit(line.charAt(i + 1));
  }

  private static List<Finding> withoutOverlaps(List<Finding> found) {
    if (found.size() < 2) {
      return found;
    }
    found.sort(BY_START_THEN_LONGEST);
    List<Finding> kept = new ArrayList<>(found.size());
    for (Finding finding : found) {
      if (kept.isEmpty() || !kept.getLast().overlaps(finding)) {
        kept.add(finding);
      }
    }
    return kept;
  }
}
