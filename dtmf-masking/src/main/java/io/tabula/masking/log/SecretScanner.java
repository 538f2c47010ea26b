package io.tabula.masking.log;

import static io.tabula.masking.log.Chars.isDigit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds card data and other secrets in one line of text. Thread-safe and allocation-free for lines
 * that hold nothing suspicious, which is almost every line: one pass looks for a chain of 13 or
 * more digits, 13 digits in all, a secret key before a {@code =}, {@code :} or {@code >}, a CVC key
 * before digits, an escape, a non-ASCII digit, or a private-key or bearer-token marker, and only
 * then do the finders run.
 *
 * <p>The same rules serve the masking layer and the auditors (only {@link ScanPolicy} differs), so
 * every shape the audit finds is masked too: plain digits ({@link CardNumberFinder}), track data,
 * keyed values, groups joined by any separator ({@link SeparatedGroups}), and digits written as an
 * array, in non-ASCII digits or escaped ({@link ShapeViews}, decoded and scanned again).
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

  /** A run of 13 or more digits: track data may start there. */
  private static final int TRACK = 1;

  private static final int NON_ASCII = 4;
  private static final int ESCAPE = 8;
  private static final int ANY_ESCAPE = 16;

  /** A chain of 13 or more digits, joined by one space, dash or dot or across JSON fields. */
  private static final int CARD = 32;

  /**
   * The starts of the shapes a line of 13 digits in all may hold: four digits and a separator
   * {@link SeparatedGroups} follows, an array {@link ShapeViews#arrayAt}, hexadecimal ASCII digits.
   */
  private static final int GROUPS = 64;

  private static final int ARRAY = 128;
  private static final int HEX_ASCII = 256;
  private static final int SHAPES = GROUPS | ARRAY | HEX_ASCII;

  /** {@link #hexAsciiFrom}: a run of hexadecimal ASCII digits is found, look no further. */
  private static final int FOUND = Integer.MAX_VALUE;

  /** A secret key before {@code =}, {@code :} or {@code >}, or a CVC key before digits. */
  private static final int KEYED = 512;

  /** A private-key or bearer-token marker. */
  private static final int OTHER = 1024;

  private static final int PLAIN = TRACK | CARD | KEYED | OTHER;

  /** {@link #CLASSES}: an ASCII digit. */
  private static final byte DIGIT = 1;

  /** {@link #CLASSES}: one space, dash or dot, which may join two digit groups. */
  private static final byte JOINS = 2;

  /** {@link #CLASSES}: a character {@link #lookAt} acts on. */
  private static final byte MARK = 4;

  /** {@link #CLASSES}: a character a {@link JsonFieldGap} can start with. */
  private static final byte GAP = 8;

  /**
   * What each ASCII character is to the quick pass, so that a character costs one array read (every
   * character above ASCII is a {@link #MARK}: it may be a non-ASCII digit).
   */
  private static final byte[] CLASSES = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      CLASSES[c] = DIGIT;
    }
    for (char c : " -.".toCharArray()) {
      CLASSES[c] |= JOINS;
    }
    for (char c : "=:>%\\&-Bb[".toCharArray()) {
      CLASSES[c] |= MARK;
    }
    for (char c : "\",\\ ".toCharArray()) {
      CLASSES[c] |= GAP;
    }
  }

  private final ScanPolicy policy;
  private final TrackDataFinder tracks;
  private final CardNumberFinder cards;
  private final SeparatedGroups groups;
  private final KeyedValueFinder keyed;
  private final int alwaysRun;

  public SecretScanner(ScanPolicy policy) {
    this(policy, 0);
  }

  private SecretScanner(ScanPolicy policy, int alwaysRun) {
    this.policy = policy;
    this.alwaysRun = alwaysRun;
    this.tracks = new TrackDataFinder(policy);
    this.cards = new CardNumberFinder(policy);
    this.groups = new SeparatedGroups(policy);
    this.keyed = new KeyedValueFinder(policy);
  }

  /**
   * A scanner that runs every plain finder (track data, card numbers, keyed values, other secrets),
   * the separated groups' finder and the array and hexadecimal ASCII decoders over every line,
   * whatever the quick pass says: the reference the quick pass is tested against.
   */
  static SecretScanner withoutQuickPass(ScanPolicy policy) {
    return new SecretScanner(policy, PLAIN | SHAPES);
  }

  /** The findings of a line in order, without overlaps; empty for almost every line. */
  public List<Finding> scan(CharSequence line) {
    int look = quickLook(line) | alwaysRun;
    if (look == 0) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>(4);
    if ((look & PLAIN) != 0) {
      scanPlain(line, look, found);
    }
    if ((look & GROUPS) != 0) {
      groups.find(line, found);
    }
    if ((look & ARRAY) != 0) {
      scanView(ShapeViews.arrays(line), ShapeViews.ARRAY, found);
    }
    if ((look & HEX_ASCII) != 0) {
      scanView(ShapeViews.hexAscii(line), ShapeViews.HEX_ASCII, found);
    }
    if ((look & NON_ASCII) != 0) {
      scanView(ShapeViews.nonAsciiDigits(line), ShapeViews.NON_ASCII, found);
    }
    if ((look & ESCAPE) != 0) {
      scanView(ShapeViews.unescaped(line), ShapeViews.ESCAPED, found);
    }
    return withoutOverlaps(found);
  }

  /** Quick pass: false means the line certainly holds nothing this scanner would find. */
  public boolean mightContainSecrets(CharSequence line) {
    return quickLook(line) != 0;
  }

  /**
   * Runs the plain finders that {@code look} says can find something: each finds nothing in a line
   * without its trigger (track data needs 13 digits in a row, a card number a chain of 13 digits, a
   * keyed value its key, the others their marker), so the others are not run over the line.
   */
  private void scanPlain(CharSequence text, int look, List<Finding> found) {
    if ((look & TRACK) != 0) {
      tracks.find(text, found);
    }
    if ((look & CARD) != 0) {
      cards.find(text, found);
    }
    if ((look & KEYED) != 0) {
      keyed.find(text, found);
    }
    if ((look & OTHER) != 0 && policy.findOtherSecrets()) {
      OtherSecrets.find(text, found);
    }
  }

  /** Scans a decoded view and maps what it finds back to the line, named by the shape. */
  private void scanView(DecodedView view, String shape, List<Finding> found) {
    if (view == null) {
      return;
    }
    try {
      List<Finding> inView = new ArrayList<>(2);
      scanPlain(view.text(), PLAIN, inView);
      groups.find(view.text(), inView);
      for (Finding finding : inView) {
        found.add(
            finding.at(
                view.originalStart(finding.start()), view.originalEnd(finding.end()), shape));
      }
    } finally {
      view.clear();
    }
  }

  /**
   * One pass that says which finders can find anything: 13 digits in a row (track data), a chain of
   * 13 digits (card numbers: digit groups joined by one space, dash or dot, or across a JSON field
   * gap as {@link JsonFieldGap} reads it), a key before {@code =}, {@code :} or {@code >}, or a CVC
   * key before any run of digits (keyed values), a non-ASCII digit, an escaped digit or key
   * character; and in a line of 13 digits in all, any escape and the start of a shape (groups, an
   * array, hexadecimal ASCII). Each trigger is checked where its finder looks, so a finder whose
   * trigger is missing would find nothing ({@code PrefilterEquivalenceTest}).
   */
  private int quickLook(CharSequence line) {
    int n = line.length();
    int look = 0;
    int run = 0;
    int chain = 0;
    int digits = 0;
    int jsonJoin = -1;
    int carried = 0;
    int hexFrom = 0;
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      int kind = c < CLASSES.length ? CLASSES[c] : MARK;
      if (kind == DIGIT) {
        digits++;
        if (run++ == 0) {
          chain = i == jsonJoin ? carried : chain;
          look |= SecretKeys.bareCvcBefore(line, i) ? KEYED : 0;
          if (i >= hexFrom && (c == '3' || c == '0')) {
            hexFrom = hexAsciiFrom(line, i);
            look |= hexFrom == FOUND ? HEX_ASCII : 0;
          }
        }
        look |= run >= 13 ? TRACK : 0;
        look |= ++chain >= 13 ? CARD : 0;
        continue;
      }
      if (run > 0) {
        look |= run == 4 && SeparatedGroups.startsAfterFour(line, i) ? GROUPS : 0;
        run = 0;
        int next = (kind & GAP) != 0 ? JsonFieldGap.digitAfter(line, i) : -1;
        if (next > 0) {
          jsonJoin = next;
          carried = chain;
        }
      }
      if ((kind & JOINS) == 0 || !joinsDigits(line, i)) {
        chain = 0;
        look |= (kind & MARK) != 0 ? lookAt(line, i, c) : 0;
      }
    }
    if (digits < 13) {
      return look & ~(ANY_ESCAPE | SHAPES);
    }
    return (look & ~ANY_ESCAPE) | ((look & ANY_ESCAPE) != 0 ? ESCAPE : 0);
  }

  /**
   * Where to look for hexadecimal ASCII digits after a {@code 3} or {@code 0} at {@code i} that
   * starts a run of digits: {@link #FOUND} when a run of 13 starts there, else where the run that
   * starts there broke off ({@link ShapeViews#hexAsciiRun}), or the next character.
   */
  private static int hexAsciiFrom(CharSequence line, int i) {
    if (i + 1 >= line.length() || (i > 0 && Character.isLetterOrDigit(line.charAt(i - 1)))) {
      return i + 1;
    }
    int run = ShapeViews.hexAsciiRun(line, i);
    return run > 0 ? FOUND : Math.max(i + 1, -run - 1);
  }

  private int lookAt(CharSequence line, int i, char c) {
    if ((c == '=' || c == ':') && SecretKeys.keyBefore(line, i) != null) {
      return KEYED;
    }
    if (c == '>' && SecretKeys.xmlKeyBefore(line, i) != null) {
      return KEYED;
    }
    if (c == '%' || c == '\\' || c == '&') {
      return ShapeViews.keyOrDigitEscapeAt(line, i)
          ? ESCAPE
          : ShapeViews.escapeAt(line, i) ? ANY_ESCAPE : 0;
    }
    if (c == '[' && ShapeViews.arrayAt(line, i)) {
      return ARRAY;
    }
    if (c > 127 && ShapeViews.isNonAsciiDigit(line, i)) {
      return NON_ASCII;
    }
    if ((c == '-' || c == 'B' || c == 'b')
        && policy.findOtherSecrets()
        && OtherSecrets.startsAt(line, i)) {
      return OTHER;
    }
    return 0;
  }

  private static boolean joinsDigits(CharSequence line, int i) {
    return i > 0
        && i + 1 < line.length()
        && isDigit(line.charAt(i - 1))
        && isDigit(line.charAt(i + 1));
  }

  /**
   * Findings in order without overlaps. Where two overlap, the earlier (and longer) one is kept and
   * stretched over both, so that masking never leaves part of a secret in place.
   */
  private static List<Finding> withoutOverlaps(List<Finding> found) {
    if (found.size() < 2) {
      return found;
    }
    found.sort(BY_START_THEN_LONGEST);
    List<Finding> kept = new ArrayList<>(found.size());
    for (Finding finding : found) {
      if (kept.isEmpty() || !kept.getLast().overlaps(finding)) {
        kept.add(finding);
      } else if (finding.end() > kept.getLast().end()) {
        Finding last = kept.removeLast();
        kept.add(
            new Finding(
                last.start(), finding.end(), last.kind(), last.replacement(), last.reason()));
      }
    }
    return kept;
  }
}
