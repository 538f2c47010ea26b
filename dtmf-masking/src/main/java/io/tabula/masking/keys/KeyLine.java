package io.tabula.masking.keys;

/**
 * What {@link KeyLineReader} recognised in one line: a key a caller pressed (and where the line
 * names the call), an AGI command or reply, or a context line (a SIP Call-ID, an AGI channel, an
 * RTP stream or timestamp) that later key lines refer to. Reused from line to line, so reading a
 * line allocates nothing.
 */
final class KeyLine {

  /** Where the key was seen; keys of different sources are never mixed in one sequence. */
  enum Source {
    DTMF,
    AGI,
    SIP_INFO,
    RTP_EVENT
  }

  enum Type {
    NONE,
    /** A key starts (Asterisk's {@code DTMF begin}); its end may or may not follow. */
    KEY_BEGIN,
    /** A key ends or is pressed (DTMF end, SIP INFO, RFC 4733 event). */
    KEY_END,
    /** The line repeats a key already reported by another line (masked, not counted). */
    KEY_ECHO,
    /** An AGI command whose reply is the ASCII code of a key (WAIT FOR DIGIT, STREAM FILE, ...). */
    AGI_ASCII_COMMAND,
    /** An AGI command whose reply is the digits keyed (GET DATA). */
    AGI_DIGITS_COMMAND,
    /** Any other AGI command: its reply is not a key. */
    AGI_OTHER_COMMAND,
    /** An AGI reply {@code 200 result=...}; the value is at [valueStart, valueEnd). */
    AGI_REPLY,
    CALL_ID_CONTEXT,
    CHANNEL_CONTEXT,
    STREAM_CONTEXT,
    TIMESTAMP_CONTEXT
  }

  Type type = Type.NONE;
  Source source;

  /** Where in the line the recognised element starts. */
  int at = -1;

  char key;

  /** The call, channel or stream the line names, or -1 when it names none. */
  int callStart = -1;

  int callEnd = -1;

  /** The span the masking layer hides: the key, or the AGI reply value. */
  int valueStart = -1;

  int valueEnd = -1;

  /** The RFC 4733 event's timestamp (one per key press), or -1. */
  long timestamp = -1;

  void clear() {
    type = Type.NONE;
    source = null;
    at = -1;
    key = 0;
    callStart = -1;
    callEnd = -1;
    valueStart = -1;
    valueEnd = -1;
    timestamp = -1;
  }

  boolean namesCall() {
    return callStart >= 0 && callEnd > callStart;
  }

  boolean isKey() {
    return type == Type.KEY_BEGIN || type == Type.KEY_END;
  }

  boolean hasValue() {
    return valueStart >= 0 && valueEnd > valueStart;
  }
}
