package io.tabula.masking.log;

import java.util.List;
import java.util.function.Function;

/**
 * Masks card data and keyed secrets in text before it is logged: card numbers become brand and last
 * four ({@code [Visa ****1111]}), track data {@code [track2 Visa ****1111]}, CVC, PIN, AGI result
 * and DTMF digit values {@code ***}. Returns the very same String when there is nothing to mask,
 * which is the common case and costs one pass over the text.
 *
 * <pre>{@code
 * LogMasker masker = LogMasker.standard();
 * masker.mask("200 result=4111111111111111"); // "200 result=***"
 * }</pre>
 */
public final class LogMasker {

  private static final LogMasker STANDARD = new LogMasker(new SecretScanner(ScanPolicy.MASKING));

  /**
   * What is written instead of a text the masker could not scan: fail closed, the text is not
   * written at all (not even its length), and the line says so.
   */
  static final String WITHHELD = "[text withheld: the log masker failed on it]";

  private static final int MAX_PASSES = 4;

  private final Function<CharSequence, List<Finding>> scan;

  public LogMasker(SecretScanner scanner) {
    this(scanner::scan);
  }

  LogMasker(Function<CharSequence, List<Finding>> scan) {
    this.scan = scan;
  }

  /** The masker the logging layer uses (policy {@link ScanPolicy#MASKING}). */
  public static LogMasker standard() {
    return STANDARD;
  }

  /**
   * The text with every secret replaced, or {@code text} itself when there was none. Should the
   * scan fail (a defect), the whole text is withheld: a log line without its text is better than a
   * card number in the log.
   */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    try {
      return masked(text);
    } catch (RuntimeException e) {
      return WITHHELD;
    }
  }

  /**
   * Masks until a look at the result finds nothing: masking one secret can leave digits that stand
   * alone afterwards (the rest of a longer run, a chain cut by a mask), and those are looked at
   * again. Lines without secrets are scanned once; a line still holding something after {@link
   * #MAX_PASSES} passes is withheld.
   */
  private String masked(String text) {
    String current = text;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      List<Finding> findings = scan.apply(current);
      if (findings.isEmpty()) {
        return current;
      }
      current = replaced(current, findings);
    }
    return scan.apply(current).isEmpty() ? current : WITHHELD;
  }

  private static String replaced(String text, List<Finding> findings) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Finding finding : findings) {
      out.append(text, at, finding.start()).append(finding.replacement());
      at = finding.end();
    }
    return out.append(text, at, text.length()).toString();
  }
}
