package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The keys of the {@code agi_*} block Asterisk 22 sends (the fixtures' {@code agi/*.txt}, prefix
 * removed), as shared constants: a header of 24 lines would otherwise make 24 new key strings per
 * call, and at 10,000 concurrent calls every call's garbage counts. Unknown keys (a newer Asterisk)
 * still become their own strings. {@link HeaderBlock} keeps a known key as its index here ({@link
 * #index}), not even as a reference.
 */
final class HeaderKeys {

  private static final String[] KNOWN = {
    "network",
    "network_script",
    "request",
    "channel",
    "language",
    "type",
    "uniqueid",
    "version",
    "callerid",
    "calleridname",
    "callingpres",
    "callingani2",
    "callington",
    "callingtns",
    "dnid",
    "rdnis",
    "context",
    "extension",
    "priority",
    "enhanced",
    "accountcode",
    "threadid",
    "arg_1",
    "arg_2",
    "arg_3",
    "arg_4",
    "arg_5",
    "arg_6",
    "arg_7",
    "arg_8",
    "arg_9"
  };

  private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

  static {
    for (int i = 0; i < KNOWN.length; i++) {
      KNOWN_BYTES[i] = KNOWN[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static final java.util.Map<String, Integer> INDEX = new java.util.HashMap<>();

  static {
    for (int i = 0; i < KNOWN.length; i++) {
      INDEX.put(KNOWN[i], i);
    }
  }

  private HeaderKeys() {}

  /** How many keys are known: their indexes are 0 up to this, exclusive. */
  static int count() {
    return KNOWN.length;
  }

  /** The known key with this index. */
  static String name(int index) {
    return KNOWN[index];
  }

  /** The index of a known key, or -1. */
  static int indexOf(String key) {
    Integer index = INDEX.get(key);
    return index == null ? -1 : index;
  }

  /** The index of the known key in {@code buf[from, from + length)}, or -1 for another key. */
  static int index(ByteBuf buf, int from, int length) {
    for (int i = 0; i < KNOWN_BYTES.length; i++) {
      if (matches(KNOWN_BYTES[i], buf, from, length)) {
        return i;
      }
    }
    return -1;
  }

  /** The key in {@code buf[from, from + length)}: a shared constant when Asterisk 22 sends it. */
  static String key(ByteBuf buf, int from, int length) {
    int known = index(buf, from, length);
    return known >= 0 ? KNOWN[known] : buf.toString(from, length, StandardCharsets.US_ASCII);
  }

  private static boolean matches(byte[] known, ByteBuf buf, int from, int length) {
    if (known.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (buf.getByte(from + i) != known[i]) {
        return false;
      }
    }
    return true;
  }
}
