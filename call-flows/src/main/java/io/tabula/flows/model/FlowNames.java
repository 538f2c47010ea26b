package io.tabula.flows.model;

/**
 * The one rule for tenant and flow names: 1-64 of {@code A-Z a-z 0-9 _ -}. The engine routes a call
 * by it ({@code agi_network_script}), the parser checks a flow's {@code tenant} and {@code flow}
 * with it, and the flow store refuses any path built from a name that breaks it, so a name can
 * never be {@code ..}, hold a separator, or reach outside the store.
 *
 * <pre>{@code
 * FlowNames.isName("parking-ticket"); // true
 * FlowNames.isName("../../escaped");  // false
 * }</pre>
 */
public final class FlowNames {

  public static final int MAX_LENGTH = 64;

  /** The rule in words, for error messages. */
  public static final String RULE = "1-64 letters, digits, _ and -";

  private FlowNames() {}

  public static boolean isName(CharSequence text) {
    return isName(text, 0, text.length());
  }

  /**
   * Whether {@code text[from, to)} is a name. A loop rather than a regex: every call is routed, and
   * a matcher per call is garbage at 10,000 calls.
   */
  public static boolean isName(CharSequence text, int from, int to) {
    if (to - from < 1 || to - from > MAX_LENGTH) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
