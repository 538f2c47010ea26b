package io.tabula.masking.keys;

import io.tabula.masking.keys.KeyLine.Source;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts back together what a caller keyed one key per line (Asterisk's DTMF lines, AGI replies, SIP
 * INFO, RFC 4733 events; see {@link KeyLineReader}) and reports a card number, or a card's expiry
 * and security code, keyed across lines of one call. One instance reads one log, line by line, in
 * order:
 *
 * <pre>{@code
 * KeyedEntryAuditor keys = new KeyedEntryAuditor(finding -> report(finding));
 * for each line: keys.line(text, lineNumber);
 * keys.finish(); // end of the log: judges every call still open
 * }</pre>
 *
 * <p>Memory is bounded: at most {@link #MAX_OPEN_CALLS} calls are open (the least recently keyed
 * one is judged and closed to make room), each holds a bounded entry, and a call without a key for
 * {@link #IDLE_LINES} lines is judged and closed. Closing judges; it never drops keys unjudged.
 */
public final class KeyedEntryAuditor {

  public static final int MAX_OPEN_CALLS = 4096;

  /** A call with no key for this many lines has ended. */
  public static final long IDLE_LINES = 200_000;

  /** How far a SIP Call-ID, an RTP stream or an RTP timestamp reaches into the lines after it. */
  static final long CONTEXT_LINES = 64;

  private static final long SWEEP_EVERY = 8192;
  private static final String NO_CALL_ID = "(no Call-ID)";

  private final Consumer<KeyedFinding> sink;
  private final KeyLineReader reader = new KeyLineReader();
  private final KeyLine parsed = new KeyLine();
  private final Map<String, KeySequence> calls;
  private final Context sipCall = new Context();
  private final Context agiChannel = new Context();
  private final Context rtpStream = new Context();
  private long rtpTimestamp = -1;
  private long rtpTimestampLine = Long.MIN_VALUE / 2;
  private long lastSweep;

  public KeyedEntryAuditor(Consumer<KeyedFinding> sink) {
    this.sink = sink;
    this.calls =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, KeySequence> eldest) {
            if (size() > MAX_OPEN_CALLS) {
              eldest.getValue().finish(KeyedEntryAuditor.this.sink);
              return true;
            }
            return false;
          }
        };
  }

  /** Reads one line (1-based {@code number}, increasing). Allocates nothing for ordinary lines. */
  public void line(CharSequence text, long number) {
    if (number - lastSweep >= SWEEP_EVERY) {
      closeIdle(number);
    }
    for (int from = 0; from < text.length() && reader.read(text, from, parsed); ) {
      element(text, number);
      // A command is the rest of its line; anything else may share the line (a flattened SIP
      // message holds its Call-ID and then its Signal).
      from = isCommand(parsed.type) ? text.length() : Math.max(parsed.at + 1, parsed.valueEnd);
    }
  }

  private static boolean isCommand(KeyLine.Type type) {
    return type == KeyLine.Type.AGI_ASCII_COMMAND
        || type == KeyLine.Type.AGI_DIGITS_COMMAND
        || type == KeyLine.Type.AGI_OTHER_COMMAND;
  }

  /** One element of a line: a context, an AGI command or reply, or a key. */
  private void element(CharSequence text, long number) {
    switch (parsed.type) {
      case CALL_ID_CONTEXT -> sipCall.set(text, parsed, number);
      case CHANNEL_CONTEXT -> agiChannel.set(text, parsed, number);
      case STREAM_CONTEXT -> rtpStream.set(text, parsed, number);
      case TIMESTAMP_CONTEXT -> {
        rtpTimestamp = parsed.timestamp;
        rtpTimestampLine = number;
      }
      case AGI_ASCII_COMMAND, AGI_DIGITS_COMMAND, AGI_OTHER_COMMAND -> agiCommand(text, number);
      case AGI_REPLY ->
          timed(sequence(text, number), text)
              .agiReply(text, parsed.valueStart, parsed.valueEnd, number, sink);
      case KEY_BEGIN -> timed(sequence(text, number), text).begin(parsed.key, number, sink);
      case KEY_END -> keyEnd(text, number);
      default -> {
        // KEY_ECHO repeats a key counted from another line; NONE cannot reach here.
      }
    }
  }

  /** The end of the log: every open call is judged and closed. */
  public void finish() {
    for (KeySequence call : calls.values()) {
      call.finish(sink);
    }
    calls.clear();
    sipCall.clear();
    agiChannel.clear();
    rtpStream.clear();
    rtpTimestamp = -1;
  }

  /** Calls open now (for tests of the bound). */
  int openCalls() {
    return calls.size();
  }

  /**
   * An AGI command on a call; a GET DATA prompt also ends the entry of that channel's DTMF lines
   * (the keys before it answered an earlier prompt).
   */
  private void agiCommand(CharSequence text, long number) {
    sequence(text, number).agiCommand(parsed.type);
    if (parsed.type == KeyLine.Type.AGI_DIGITS_COMMAND && parsed.namesCall()) {
      KeySequence dtmf =
          calls.get(Source.DTMF.name() + ' ' + text.subSequence(parsed.callStart, parsed.callEnd));
      if (dtmf != null) {
        dtmf.endEntry(sink);
      }
    }
  }

  private void keyEnd(CharSequence text, long number) {
    KeySequence call = timed(sequence(text, number), text);
    if (parsed.source == Source.RTP_EVENT) {
      long timestamp = parsed.timestamp;
      if (timestamp < 0 && number - rtpTimestampLine <= 16) {
        timestamp = rtpTimestamp;
      }
      call.event(parsed.key, timestamp, number, sink);
    } else {
      call.end(parsed.key, number, sink);
    }
  }

  private static KeySequence timed(KeySequence call, CharSequence text) {
    call.at(LineTime.millisOfDay(text));
    return call;
  }

  private KeySequence sequence(CharSequence text, long number) {
    String name = callName(text, number);
    KeySequence call = calls.get(name);
    if (call == null) {
      call = new KeySequence(name);
      calls.put(name, call);
    }
    return call;
  }

  /** The call a key line belongs to: named in the line, or by the context lines before it. */
  private String callName(CharSequence text, long number) {
    String source = parsed.source.name();
    if (parsed.namesCall()) {
      return source + ' ' + text.subSequence(parsed.callStart, parsed.callEnd);
    }
    return switch (parsed.source) {
      case SIP_INFO -> source + ' ' + sipCall.nameWithin(number, CONTEXT_LINES, NO_CALL_ID);
      case RTP_EVENT -> source + ' ' + rtpStream.nameWithin(number, CONTEXT_LINES, "(no stream)");
      case AGI -> source + ' ' + agiChannel.nameWithin(number, Long.MAX_VALUE, "(FastAGI session)");
      case DTMF -> source + " (no channel)";
    };
  }

  private void closeIdle(long number) {
    lastSweep = number;
    java.util.List<KeySequence> idle = new ArrayList<>();
    for (Iterator<KeySequence> it = calls.values().iterator(); it.hasNext(); ) {
      KeySequence call = it.next();
      if (number - call.lastKeyLine() > IDLE_LINES) {
        idle.add(call);
        it.remove();
      }
    }
    for (KeySequence call : idle) {
      call.finish(sink);
    }
  }

  /** A name seen on an earlier line (a Call-ID, a channel, a stream) and where. */
  private static final class Context {
    private String name;
    private long line = Long.MIN_VALUE / 2;

    void set(CharSequence text, KeyLine parsed, long number) {
      name = text.subSequence(parsed.callStart, parsed.callEnd).toString();
      line = number;
    }

    String nameWithin(long number, long reach, String otherwise) {
      return name != null && number - line <= reach ? name : otherwise;
    }

    void clear() {
      name = null;
      line = Long.MIN_VALUE / 2;
    }
  }
}
