package io.tabula.masking.keys;

import io.tabula.masking.keys.KeyLine.Type;

/**
 * The logging layer's part of key-by-key entry: a card keyed one key per line cannot be masked once
 * the lines are written (each line alone holds one harmless-looking key), so every line that
 * carries a key the caller pressed has the key masked, whatever the call: Asterisk's DTMF lines
 * ({@code DTMF end '***' received on ...}), AGI replies ({@code 200 result=***}, any number: a
 * {@code GET DATA} of one key answers {@code result=4}), SIP INFO {@code Signal=***}, RFC 4733
 * events ({@code event ***}, {@code DTMF ***}). Fail closed: an AGI {@code 200 result=0} of an
 * {@code ANSWER} is masked too. Returns the very same String when there is nothing to mask.
 *
 * <pre>{@code
 * KeyLineMasker.mask("DTMF end '4' received on PJSIP/a-00000001, duration 100 ms");
 * // "DTMF end '***' received on PJSIP/a-00000001, duration 100 ms"
 * }</pre>
 */
public final class KeyLineMasker {

  private static final KeyLineReader READER = new KeyLineReader();
  private static final String MASK = "***";

  private KeyLineMasker() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty() || !mayHoldKey(text)) {
      return text;
    }
    KeyLine line = new KeyLine();
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (from < text.length() && READER.read(text, from, line)) {
      if (hidesKey(line)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8);
        }
        out.append(text, copied, line.valueStart).append(MASK);
        copied = line.valueEnd;
        from = line.valueEnd;
      } else {
        from = line.at + 1;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /**
   * Whether the text holds a marker that every key line has (String.indexOf is vectorised, so most
   * log events cost a few fast scans and no allocation): Asterisk's and tshark's {@code DTMF }, an
   * AGI reply's {@code 200 result=}, SIP INFO's {@code Signal}, Asterisk's {@code RFC2833}.
   */
  private static boolean mayHoldKey(String text) {
    return text.contains("DTMF ")
        || text.contains("200 result=")
        || text.contains("ignal")
        || text.contains("IGNAL")
        || text.contains("RFC2833");
  }

  private static boolean hidesKey(KeyLine line) {
    if (!line.hasValue()) {
      return false;
    }
    return line.isKey() || line.type == Type.KEY_ECHO || line.type == Type.AGI_REPLY;
  }
}
