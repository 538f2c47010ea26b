package io.tabula.masking.keys;

import static io.tabula.masking.keys.Text.at;
import static io.tabula.masking.keys.Text.atIgnoreCase;
import static io.tabula.masking.keys.Text.isKey;

import io.tabula.masking.keys.KeyLine.Source;
import io.tabula.masking.keys.KeyLine.Type;

/**
 * Recognises the lines an IVR's logs write one key at a time, in the exact shapes the tools print
 * them (checked against Asterisk 22.10.1's own output and format strings):
 *
 * <ul>
 *   <li>Asterisk's {@code DTMF begin '4' received on PJSIP/trunk-00000001} and {@code DTMF end '4'
 *       received on ..., duration 100 ms} (the {@code ignored}, {@code passthrough}, {@code
 *       emulation} and {@code accepted} lines repeat the key: masked, not counted);
 *   <li>AGI: Asterisk's debug lines {@code <PJSIP/..>AGI Rx << WAIT FOR DIGIT 5000} and {@code
 *       <PJSIP/..>AGI Tx >> 200 result=52}, and FastAGI traces ({@code WAIT FOR DIGIT}, {@code
 *       STREAM FILE}, {@code GET DATA}, ... then {@code 200 result=...}): a reply is a key only
 *       after the command that makes it one;
 *   <li>SIP INFO bodies {@code Signal=4} (the call is the nearest {@code Call-ID:} before);
 *   <li>RFC 4733 events: Asterisk's {@code Got RTP RFC2833 from ... ts 1234, ..., event 00000004,
 *       end 0, ...} and {@code RTP creating END DTMF Frame: 52 (4), at ...}, and tshark's {@code
 *       DTMF Four 4} (the stream and timestamp are its {@code Synchronization Source identifier}
 *       and {@code Timestamp} lines before).
 * </ul>
 */
final class KeyLineReader {

  private static final String[] ASCII_REPLY_COMMANDS = {
    "wait for digit",
    "stream file",
    "control stream file",
    "get option",
    "say digits",
    "say number",
    "say alpha",
    "say phonetic",
    "say date",
    "say time",
    "say datetime",
    "record file"
  };

  /**
   * The same commands as a FastAGI trace writes them (upper case, then a space), by their first
   * letter, so that most capital letters of a line cost one array read.
   */
  private static final String[][] TRACE_COMMANDS = new String[26][];

  static {
    java.util.Arrays.fill(TRACE_COMMANDS, new String[0]);
    for (String command : ASCII_REPLY_COMMANDS) {
      addTraceCommand(command.toUpperCase(java.util.Locale.ROOT) + " ");
    }
    addTraceCommand("GET DATA ");
  }

  private static void addTraceCommand(String command) {
    int letter = command.charAt(0) - 'A';
    String[] old = TRACE_COMMANDS[letter];
    String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
    grown[old.length] = command;
    TRACE_COMMANDS[letter] = grown;
  }

  /** {@link #LETTERS}: an element can start with this letter after a word character. */
  private static final byte INSIDE_WORD = 1;

  /** {@link #LETTERS}: an element can start with this letter at the start of a word. */
  private static final byte ANYWHERE = 2;

  /** {@link #LETTERS}: a word character ({@link Text#isWordChar}). */
  private static final byte WORD = 4;

  /**
   * What each ASCII character can be, so that every character of a line costs one array read: only
   * {@code D}, {@code A} and {@code G} (DTMF, AGI debug and RFC 2833 lines) may start an element
   * after a word character; the others must start a word or follow only spaces.
   */
  private static final byte[] LETTERS = new byte[128];

  static {
    for (char c = 0; c < LETTERS.length; c++) {
      LETTERS[c] = Text.isWordChar(c) ? WORD : 0;
    }
    for (char c : "DAG".toCharArray()) {
      LETTERS[c] |= INSIDE_WORD | ANYWHERE;
    }
    for (char c : "2WSCRscTia".toCharArray()) {
      LETTERS[c] |= ANYWHERE;
    }
  }

  private static final String[] DTMF_NAMES = {
    "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Star", "Pound"
  };
  private static final String DIGIT_KEYS = "0123456789*#";
  private static final String EVENT_KEYS = "0123456789*#ABCD";

  /** Whether every character is tried as an element's start, whatever {@link #LETTERS} says. */
  private final boolean everyCharacter;

  KeyLineReader() {
    this(false);
  }

  private KeyLineReader(boolean everyCharacter) {
    this.everyCharacter = everyCharacter;
  }

  /**
   * A reader that tries every character of a line as the start of an element: the reference that
   * the first-letter table is tested against ({@code KeyLineReaderEquivalenceTest}).
   */
  static KeyLineReader atEveryCharacter() {
    return new KeyLineReader(true);
  }

  /**
   * Finds the first key line element at or after {@code from}; false when the rest of the line
   * holds none (almost every line). Fills {@code out}.
   */
  boolean read(CharSequence s, int from, KeyLine out) {
    out.clear();
    int n = s.length();
    boolean leadingSpace = true;
    int wanted = from > 0 && Text.isWordChar(s.charAt(from - 1)) ? INSIDE_WORD : ANYWHERE;
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      int letter = c < LETTERS.length ? LETTERS[c] : 0;
      if ((everyCharacter || (letter & (leadingSpace ? ANYWHERE : wanted)) != 0)
          && element(s, i, c, leadingSpace, out)) {
        out.at = i;
        return true;
      }
      leadingSpace &= c == ' ' || c == '\t';
      wanted = (letter & WORD) != 0 ? INSIDE_WORD : ANYWHERE;
    }
    return false;
  }

  /**
   * Reads the element whose first letter {@code c} is at {@code i}, if one is there. Only the
   * elements of {@code D}, {@code A} and {@code G} can start inside a word; every other one needs
   * {@link Text#startsWord} or spaces alone before it ({@code leadingSpace}).
   */
  private static boolean element(CharSequence s, int i, char c, boolean leadingSpace, KeyLine out) {
    return switch (c) {
      case 'D' -> dtmf(s, i, out);
      case 'A' -> agiDebug(s, i, out);
      case '2' -> agiReply(s, i, out);
      case 'W', 'G', 'S', 'C', 'R' ->
          (c == 'G' && rfc2833(s, i, out))
              || (c == 'S' && leadingSpace && streamContext(s, i, out))
              || agiTraceCommand(s, i, out)
              || ((c == 'S' || c == 'C') && sipLine(s, i, out));
      case 's', 'c' -> sipLine(s, i, out);
      case 'i' -> leadingSpace && compactCallId(s, i, out);
      case 'T' -> leadingSpace && timestampContext(s, i, out);
      case 'a' -> agiChannel(s, i, out);
      default -> false;
    };
  }

  // Asterisk: "DTMF begin '4' received on CHAN", "DTMF end '4' received on CHAN, duration 100 ms";
  // tshark: "DTMF Four 4"; res_rtp_asterisk: "RTP creating END DTMF Frame: 52 (4), at ADDR".

  private static boolean dtmf(CharSequence s, int i, KeyLine out) {
    if (!at(s, i, "DTMF ")) {
      return false;
    }
    int word = i + 5;
    boolean begin = at(s, word, "begin ");
    if (begin || at(s, word, "end ")) {
      return asteriskDtmf(s, word + (begin ? 6 : 4), begin, out);
    }
    if (at(s, word, "Frame: ")) {
      return rtpFrame(s, i, word + 7, out);
    }
    return tsharkEvent(s, word, out);
  }

  private static boolean asteriskDtmf(CharSequence s, int after, boolean begin, KeyLine out) {
    int quote = Text.indexOf(s, "'", after, after + 40);
    if (quote < 0 || quote + 2 >= s.length() || s.charAt(quote + 2) != '\'') {
      return false;
    }
    char key = s.charAt(quote + 1);
    if (!isKey(key)) {
      return false;
    }
    out.source = Source.DTMF;
    out.key = Character.toUpperCase(key);
    out.valueStart = quote + 1;
    out.valueEnd = quote + 2;
    int received = quote + 3;
    if (quote == after && at(s, received, " received on ")) {
      out.type = begin ? Type.KEY_BEGIN : Type.KEY_END;
      out.callStart = received + 13;
      out.callEnd = Text.tokenEnd(s, out.callStart);
    } else {
      out.type = Type.KEY_ECHO;
    }
    return true;
  }

  private static boolean rtpFrame(CharSequence s, int dtmf, int number, KeyLine out) {
    int end = Text.digitsEnd(s, number);
    if (end == number || !at(s, end, " (") || end + 3 >= s.length() || s.charAt(end + 3) != ')') {
      return false;
    }
    char key = s.charAt(end + 2);
    if (!isKey(key)) {
      return false;
    }
    boolean isEnd = Text.indexOfIgnoreCase(s, "end", Math.max(0, dtmf - 8), dtmf) >= 0;
    out.source = Source.DTMF;
    out.type = isEnd ? Type.KEY_END : Type.KEY_BEGIN;
    out.key = Character.toUpperCase(key);
    out.valueStart = number;
    out.valueEnd = end + 4;
    int addressAt = Text.indexOf(s, ", at ", end, end + 12);
    if (addressAt > 0) {
      out.callStart = addressAt + 5;
      out.callEnd = Text.tokenEnd(s, out.callStart);
    }
    return true;
  }

  /** tshark names RFC 4733 events "DTMF Zero 0" ... "DTMF Pound #", and "DTMF A" ... "DTMF D". */
  private static boolean tsharkEvent(CharSequence s, int word, KeyLine out) {
    char key = 0;
    int end = -1;
    for (int k = 0; k < DTMF_NAMES.length; k++) {
      String name = DTMF_NAMES[k];
      if (at(s, word, name)
          && word + name.length() + 1 < s.length()
          && s.charAt(word + name.length()) == ' '
          && s.charAt(word + name.length() + 1) == DIGIT_KEYS.charAt(k)) {
        key = DIGIT_KEYS.charAt(k);
        end = word + name.length() + 2;
        break;
      }
    }
    if (key == 0
        && word < s.length()
        && s.charAt(word) >= 'A'
        && s.charAt(word) <= 'D'
        && (word + 1 == s.length() || !Text.isWordChar(s.charAt(word + 1)))) {
      key = s.charAt(word);
      end = word + 1;
    }
    if (key == 0 || (end < s.length() && Text.isWordChar(s.charAt(end)))) {
      return false;
    }
    out.source = Source.RTP_EVENT;
    out.type = Type.KEY_END;
    out.key = key;
    out.valueStart = word;
    out.valueEnd = withCodeInParentheses(s, end);
    return true;
  }

  /** tshark -V adds the event's number: "DTMF Four 4 (4)"; that is the key too. */
  private static int withCodeInParentheses(CharSequence s, int end) {
    if (at(s, end, " (")) {
      int close = Text.digitsEnd(s, end + 2);
      if (close > end + 2 && at(s, close, ")")) {
        return close + 1;
      }
    }
    return end;
  }

  // Asterisk's RTP debug: "Got  RTP RFC2833 from   ADDR (type 101, seq 000123, ts 160000, len
  // 000004, mark 0, event 00000004, end 0, duration 00160)".

  private static boolean rfc2833(CharSequence s, int i, KeyLine out) {
    if (!at(s, i, "Got  RTP RFC2833 from ")) {
      return false;
    }
    int address = Text.skipSpaces(s, i + 22);
    int addressEnd = Text.tokenEnd(s, address);
    int ts = Text.indexOf(s, " ts ", addressEnd, s.length());
    int event = Text.indexOf(s, "event ", addressEnd, s.length());
    if (ts < 0 || event < 0 || event + 14 > s.length()) {
      return false;
    }
    int code = 0;
    for (int k = event + 6; k < event + 14; k++) {
      int digit = Character.digit(s.charAt(k), 16);
      if (digit < 0) {
        return false;
      }
      code = code * 16 + digit;
    }
    if (code >= EVENT_KEYS.length()) {
      return false;
    }
    int tsStart = Text.skipSpaces(s, ts + 4);
    int tsEnd = Text.digitsEnd(s, tsStart);
    out.source = Source.RTP_EVENT;
    out.type = Type.KEY_END;
    out.key = EVENT_KEYS.charAt(code);
    out.callStart = address;
    out.callEnd = addressEnd;
    out.valueStart = event + 6;
    out.valueEnd = event + 14;
    out.timestamp = tsEnd > tsStart ? parse(s, tsStart, tsEnd) : -1;
    return true;
  }

  private static boolean streamContext(CharSequence s, int i, KeyLine out) {
    if (!at(s, i, "Synchronization Source identifier: ")) {
      return false;
    }
    out.type = Type.STREAM_CONTEXT;
    out.callStart = i + 35;
    out.callEnd = Text.tokenEnd(s, out.callStart);
    return out.callEnd > out.callStart;
  }

  private static boolean timestampContext(CharSequence s, int i, KeyLine out) {
    if (!at(s, i, "Timestamp: ")) {
      return false;
    }
    int end = Text.digitsEnd(s, i + 11);
    if (end == i + 11) {
      return false;
    }
    out.type = Type.TIMESTAMP_CONTEXT;
    out.timestamp = parse(s, i + 11, end);
    return true;
  }

  // AGI: Asterisk's "agi set debug on" lines name the channel: "<CHAN>AGI Rx << WAIT FOR DIGIT".

  private static boolean agiDebug(CharSequence s, int i, KeyLine out) {
    boolean rx = at(s, i, "AGI Rx << ");
    if (!rx && !at(s, i, "AGI Tx >> ")) {
      return false;
    }
    int payload = i + 10;
    boolean read = rx ? agiCommand(s, payload, out) : agiReplyAt(s, payload, out);
    if (!read) {
      return false;
    }
    if (i > 0 && s.charAt(i - 1) == '>') {
      int open = lastIndexOf(s, '<', i - 2, Math.max(0, i - 256));
      if (open >= 0) {
        out.callStart = open + 1;
        out.callEnd = i - 1;
      }
    }
    return true;
  }

  private static boolean agiCommand(CharSequence s, int at, KeyLine out) {
    out.source = Source.AGI;
    if (atIgnoreCase(s, at, "get data")) {
      out.type = Type.AGI_DIGITS_COMMAND;
      return true;
    }
    for (String command : ASCII_REPLY_COMMANDS) {
      if (atIgnoreCase(s, at, command)) {
        out.type = Type.AGI_ASCII_COMMAND;
        return true;
      }
    }
    out.type = Type.AGI_OTHER_COMMAND;
    return true;
  }

  /** A FastAGI trace's command, upper case and standing alone: "WAIT FOR DIGIT 5000". */
  private static boolean agiTraceCommand(CharSequence s, int i, KeyLine out) {
    if (i + 9 > s.length() || s.charAt(i + 1) < 'A' || s.charAt(i + 1) > 'Z') {
      return false;
    }
    String[] candidates = TRACE_COMMANDS[s.charAt(i) - 'A'];
    for (String command : candidates) {
      if (at(s, i, command) && Text.startsWord(s, i)) {
        out.source = Source.AGI;
        out.type =
            command.startsWith("GET DATA") ? Type.AGI_DIGITS_COMMAND : Type.AGI_ASCII_COMMAND;
        return true;
      }
    }
    return false;
  }

  private static boolean agiReply(CharSequence s, int i, KeyLine out) {
    return Text.startsWord(s, i) && agiReplyAt(s, i, out);
  }

  /** "200 result=52", "200 result=4242 (timeout)", "200 result=53 endpos=800". */
  private static boolean agiReplyAt(CharSequence s, int i, KeyLine out) {
    if (!at(s, i, "200 result=")) {
      return false;
    }
    int value = i + 11;
    int end = Text.digitsEnd(s, value);
    if (end < s.length() && Text.isWordChar(s.charAt(end))) {
      return false;
    }
    out.source = Source.AGI;
    out.type = Type.AGI_REPLY;
    out.valueStart = value;
    out.valueEnd = end;
    return true;
  }

  private static boolean agiChannel(CharSequence s, int i, KeyLine out) {
    if (!at(s, i, "agi_channel: ") || !Text.startsWord(s, i)) {
      return false;
    }
    out.type = Type.CHANNEL_CONTEXT;
    out.callStart = i + 13;
    out.callEnd = Text.tokenEnd(s, out.callStart);
    return out.callEnd > out.callStart;
  }

  // SIP: "Call-ID: abc@host" (or compact "i: abc") and an INFO body "Signal=4" / "Signal= 11".

  private static boolean sipLine(CharSequence s, int i, KeyLine out) {
    if (!Text.startsWord(s, i)) {
      return false;
    }
    if (atIgnoreCase(s, i, "call-id:")) {
      int start = Text.skipSpaces(s, i + 8);
      out.type = Type.CALL_ID_CONTEXT;
      out.callStart = start;
      out.callEnd = Text.tokenEnd(s, start);
      return out.callEnd > out.callStart;
    }
    if (!atIgnoreCase(s, i, "signal")) {
      return false;
    }
    int equals = Text.skipSpaces(s, i + 6);
    if (equals >= s.length() || s.charAt(equals) != '=') {
      return false;
    }
    int value = Text.skipSpaces(s, equals + 1);
    int end = signalEnd(s, value);
    if (end < 0) {
      return false;
    }
    out.source = Source.SIP_INFO;
    out.type = Type.KEY_END;
    out.key = signalKey(s, value, end);
    out.valueStart = value;
    out.valueEnd = end;
    int callId = Text.indexOfIgnoreCase(s, "call-id:", 0, s.length());
    if (callId >= 0) {
      out.callStart = Text.skipSpaces(s, callId + 8);
      out.callEnd = Text.tokenEnd(s, out.callStart);
    }
    return true;
  }

  /** A signal is one key, or 10 and 11 for * and # (some phones send the event number). */
  private static int signalEnd(CharSequence s, int value) {
    if (value >= s.length()) {
      return -1;
    }
    int digits = Text.digitsEnd(s, value);
    int end = digits > value ? digits : value + 1;
    if (end < s.length() && Text.isWordChar(s.charAt(end))) {
      return -1;
    }
    if (digits == value) {
      boolean masked = end < s.length() && s.charAt(value) == '*' && s.charAt(end) == '*';
      return isKey(s.charAt(value)) && !masked ? end : -1;
    }
    return end - value == 1
            || (end - value == 2 && s.charAt(value) == '1' && s.charAt(value + 1) <= '5')
        ? end
        : -1;
  }

  private static char signalKey(CharSequence s, int value, int end) {
    if (end - value == 2) {
      return EVENT_KEYS.charAt(10 + s.charAt(value + 1) - '0');
    }
    return Character.toUpperCase(s.charAt(value));
  }

  private static boolean compactCallId(CharSequence s, int i, KeyLine out) {
    if (!at(s, i, "i: ")) {
      return false;
    }
    out.type = Type.CALL_ID_CONTEXT;
    out.callStart = i + 3;
    out.callEnd = Text.tokenEnd(s, out.callStart);
    return out.callEnd > out.callStart;
  }

  private static int lastIndexOf(CharSequence s, char c, int from, int downTo) {
    for (int i = from; i >= downTo; i--) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static long parse(CharSequence s, int start, int end) {
    long value = 0;
    for (int i = start; i < end && i < start + 18; i++) {
      value = value * 10 + (s.charAt(i) - '0');
    }
    return value;
  }
}
