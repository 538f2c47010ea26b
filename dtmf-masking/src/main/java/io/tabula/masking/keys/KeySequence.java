package io.tabula.masking.keys;

import io.tabula.masking.card.CardBrand;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The keys of one call, in the order they were pressed, judged as card data: a card number (13 to
 * 19 digits, Luhn-valid, of a brand whose IIN and length fit) and, after it, an expiry (MMYY) and a
 * security code. State is bounded: one entry of at most {@link #CAPACITY} digits (an entry ends at
 * {@code #}, {@code *}, a letter key, or {@link #GAP_LINES} lines without a key), and the eight
 * digits after a card. Digits are kept as values in byte arrays and zeroed once judged.
 */
final class KeySequence {

  static final int CAPACITY = 48;

  /** Keys further apart than this many lines belong to different entries. */
  static final long GAP_LINES = 5_000;

  /**
   * Keys further apart in time than this belong to different entries: an IVR's inter-digit timeout
   * (Asterisk's GET DATA waits 5 s by default) has ended the entry in between.
   */
  static final long GAP_MILLIS = 5_000;

  /**
   * After a card, entries that are not its expiry and code before the audit stops expecting them.
   */
  private static final int ENTRIES_AFTER_CARD = 6;

  private static final int AGI_NONE = 0;
  private static final int AGI_ASCII = 1;
  private static final int AGI_DIGITS = 2;

  private final String call;
  private final byte[] digits = new byte[CAPACITY];
  private final long[] lines = new long[CAPACITY];
  private int count;
  private long lastKeyLine = -1;
  private long lastKeyMillis = -1;
  private long millis = -1;
  private char pendingBegin;
  private long pendingBeginLine;
  private long lastTimestamp = -1;
  private char lastEventKey;
  private int pendingAgi = AGI_NONE;

  private final byte[] afterCard = new byte[8];
  private final long[] afterCardLines = new long[8];
  private int afterCount;
  private CardBrand card;
  private int entriesSinceCard;

  KeySequence(String call) {
    this.call = call;
  }

  long lastKeyLine() {
    return lastKeyLine;
  }

  /** The time of day of the line now read (-1 when it has none), for the next key. */
  void at(long millisOfDay) {
    millis = millisOfDay;
  }

  /** Asterisk's DTMF begin: the key counts once, at its end, or at the next begin if none came. */
  void begin(char key, long line, Consumer<KeyedFinding> sink) {
    if (pendingBegin != 0) {
      key(pendingBegin, pendingBeginLine, sink);
    }
    pendingBegin = key;
    pendingBeginLine = line;
  }

  void end(char key, long line, Consumer<KeyedFinding> sink) {
    pendingBegin = 0;
    key(key, line, sink);
  }

  /**
   * An RFC 4733 event packet: one key sends several (begin, updates, three ends), all with the
   * event's timestamp. Without a timestamp, packets of the same key in a row are one key (so a key
   * pressed twice in a row is read once: a known limit of logs without timestamps).
   */
  void event(char key, long timestamp, long line, Consumer<KeyedFinding> sink) {
    if (timestamp >= 0 ? timestamp == lastTimestamp : key == lastEventKey) {
      return;
    }
    lastTimestamp = timestamp;
    lastEventKey = key;
    key(key, line, sink);
  }

  void agiCommand(KeyLine.Type type) {
    pendingAgi =
        switch (type) {
          case AGI_ASCII_COMMAND -> AGI_ASCII;
          case AGI_DIGITS_COMMAND -> AGI_DIGITS;
          default -> AGI_NONE;
        };
  }

  /** An AGI reply is a key only after a command that answers with one (judged in AGI context). */
  void agiReply(CharSequence text, int start, int end, long line, Consumer<KeyedFinding> sink) {
    int command = pendingAgi;
    pendingAgi = AGI_NONE;
    if (command == AGI_DIGITS) {
      for (int i = start; i < end; i++) {
        key(text.charAt(i), line, sink);
      }
      // GET DATA answers when the entry is complete (digit limit, # or timeout); an entry of one
      // key may be one of many GET DATA 1 prompts that together make the number.
      if (end - start > 1) {
        endEntry(sink);
      }
    } else if (command == AGI_ASCII && end > start && end - start <= 3) {
      int code = 0;
      for (int i = start; i < end; i++) {
        code = code * 10 + text.charAt(i) - '0';
      }
      if (code > 0 && Text.isKey((char) code)) {
        key(Character.toUpperCase((char) code), line, sink);
      }
    }
  }

  void key(char key, long line, Consumer<KeyedFinding> sink) {
    boolean apartInTime =
        millis >= 0 && lastKeyMillis >= 0 && Math.abs(millis - lastKeyMillis) > GAP_MILLIS;
    if (lastKeyLine >= 0 && (line - lastKeyLine > GAP_LINES || apartInTime)) {
      endEntry(sink);
    }
    lastKeyLine = line;
    lastKeyMillis = millis;
    if (!Text.isDigit(key)) {
      endEntry(sink);
      return;
    }
    if (count == CAPACITY) {
      judge(sink, CardWindow.LONGEST - 1);
    }
    digits[count] = (byte) (key - '0');
    lines[count] = line;
    count++;
  }

  /** The call ended (or the file did, or the audit had to close it): judge what is left. */
  void finish(Consumer<KeyedFinding> sink) {
    if (pendingBegin != 0) {
      key(pendingBegin, pendingBeginLine, sink);
      pendingBegin = 0;
    }
    endEntry(sink);
    forgetCard();
  }

  /** The entry ends here (a terminator, a timeout, or a new prompt of the IVR on this call). */
  void endEntry(Consumer<KeyedFinding> sink) {
    judge(sink, 0);
  }

  /**
   * Judges the entry and keeps its last {@code keep} digits when nothing was found in them (a full
   * buffer keeps what may be the start of a card).
   */
  private void judge(Consumer<KeyedFinding> sink, int keep) {
    boolean expectingExpiry = card != null;
    int rest = findCard(sink);
    int kept = Math.min(keep, count);
    if (rest >= 0) {
      if (rest < count) {
        afterCard(rest, count, sink);
      }
      kept = 0;
    } else if (expectingExpiry && count > 0) {
      afterCard(0, count, sink);
      kept = 0;
    }
    System.arraycopy(digits, count - kept, digits, 0, kept);
    System.arraycopy(lines, count - kept, lines, 0, kept);
    Arrays.fill(digits, kept, CAPACITY, (byte) 0);
    count = kept;
  }

  /** Reports the first card in the entry; returns where the digits after it start, or -1. */
  private int findCard(Consumer<KeyedFinding> sink) {
    for (int start = 0; start + CardWindow.SHORTEST <= count; start++) {
      for (int length = Math.min(CardWindow.LONGEST, count - start);
          length >= CardWindow.SHORTEST;
          length--) {
        CardBrand brand = CardWindow.card(digits, start, length);
        if (brand != null) {
          cardFound(brand, start, length, sink);
          return start + length;
        }
      }
    }
    return -1;
  }

  private void cardFound(CardBrand brand, int start, int length, Consumer<KeyedFinding> sink) {
    long first = lines[start];
    long last = lines[start + length - 1];
    // Keys all on one line are one number in that line: the line scan reports it.
    if (first != last) {
      sink.accept(
          new KeyedFinding(
              call,
              first,
              last,
              "card number keyed key by key",
              CardWindow.masked(brand, digits, start, length)));
    }
    forgetCard();
    card = brand;
  }

  /** Digits after a card: its expiry (MMYY) and security code, in one entry or several. */
  private void afterCard(int from, int to, Consumer<KeyedFinding> sink) {
    if (afterCount == 0 && to - from <= 2) {
      entriesSinceCard++; // a menu choice ("1 to confirm") before the expiry
    } else {
      for (int i = from; i < to && afterCount < afterCard.length; i++) {
        afterCard[afterCount] = digits[i];
        afterCardLines[afterCount] = lines[i];
        afterCount++;
      }
      entriesSinceCard++;
    }
    int codeLength = card.cvcLength() == 0 ? 3 : card.cvcLength();
    if (afterCount >= 4 && !isMonth(afterCard[0], afterCard[1])) {
      forgetCard();
    } else if (afterCount >= 4 + codeLength) {
      sink.accept(
          new KeyedFinding(
              call,
              afterCardLines[0],
              afterCardLines[3 + codeLength],
              "card expiry and security code keyed after a card number",
              "[expiry **/** and code ***]"));
      forgetCard();
    } else if (entriesSinceCard > ENTRIES_AFTER_CARD) {
      forgetCard();
    }
  }

  private static boolean isMonth(byte tens, byte units) {
    int month = tens * 10 + units;
    return month >= 1 && month <= 12;
  }

  private void forgetCard() {
    Arrays.fill(afterCard, (byte) 0);
    afterCount = 0;
    entriesSinceCard = 0;
    card = null;
  }
}
