package io.tabula.engine.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Turns the AMI byte stream into lines for Asterisk-Java, one whole message at a time, and only the
 * messages {@link AmiMessageFilter} allows: Asterisk's banner and the responses to the engine's
 * actions. Every other message is dropped as bytes, so no {@code String} of it is ever made: not by
 * Asterisk-Java's reader, its event objects, its logging nor its {@code org.asteriskjava.trace}
 * file.
 *
 * <p>Bounded: a message is buffered up to {@code maxMessageBytes}. A response longer than that ends
 * the connection (the link reconnects); a dropped message longer than that is skipped to its end
 * without being buffered, so no event, however long, can end the link. Dropped bytes are zeroed.
 * Lines end in CRLF (observation 1 of the fixtures README); a lone LF stays inside a line, exactly
 * as Asterisk-Java's own CRLF scanner treats it.
 *
 * <p>Example: {@code new AmiLineSource(socket.getInputStream(), 65536, dropped::increment)} then
 * {@code readLine()} until it returns {@code null} at end of stream.
 */
final class AmiLineSource {

  private final InputStream in;
  private final byte[] message;
  private final byte[] chunk = new byte[8192];
  private final Runnable onDropped;
  private final ArrayDeque<String> ready = new ArrayDeque<>();
  private int chunkPos;
  private int chunkEnd;
  private int messageLength;
  private boolean bannerPending = true;

  /**
   * @param maxMessageBytes the largest message buffered; a longer response ends the connection
   * @param onDropped called once for every dropped message that may have carried digits (see {@link
   *     AmiMessageFilter#isSensitive}); it gets no content
   */
  AmiLineSource(InputStream in, int maxMessageBytes, Runnable onDropped) {
    this.in = in;
    this.message = new byte[maxMessageBytes];
    this.onDropped = onDropped;
  }

  /**
   * The next line without its CRLF, {@code ""} for the blank line ending a message, or null at EOF.
   */
  String readLine() throws IOException {
    try {
      while (ready.isEmpty()) {
        if (!(bannerPending ? readBanner() : readMessage())) {
          wipeAll();
          return null;
        }
      }
      return ready.poll();
    } catch (IOException e) {
      wipeAll();
      throw e;
    }
  }

  /** The greeting line, which has no blank line after it; false at end of stream. */
  private boolean readBanner() throws IOException {
    while (true) {
      int b = nextByte();
      if (b < 0) {
        return false;
      }
      append(b, "greeting");
      if (endsLine(0)) {
        bannerPending = false;
        if (!AmiMessageFilter.isBanner(message, 0, messageLength - 2)) {
          wipe();
          throw new IOException(
              "the server did not greet as 'Asterisk Call Manager/...', so it is not Asterisk's"
                  + " manager interface; check ami.host and ami.port");
        }
        splitLines();
        wipe();
        return true;
      }
    }
  }

  /** Reads one message up to its blank line and passes or drops it; false at end of stream. */
  private boolean readMessage() throws IOException {
    int lineStart = 0;
    int firstLineEnd = -1;
    while (true) {
      int b = nextByte();
      if (b < 0) {
        return false;
      }
      if (messageLength == message.length && !opensResponse(firstLineEnd)) {
        skipRest(messageLength - lineStart, message[messageLength - 1], b);
        return true;
      }
      append(b, "message");
      if (!endsLine(lineStart)) {
        continue;
      }
      if (firstLineEnd < 0) {
        firstLineEnd = messageLength - 2;
      }
      if (messageLength - lineStart == 2) {
        release(firstLineEnd);
        return true;
      }
      lineStart = messageLength;
    }
  }

  /** Whether the message buffered so far opens with a response line (complete or not). */
  private boolean opensResponse(int firstLineEnd) {
    return AmiMessageFilter.isResponseLine(
        message, 0, firstLineEnd >= 0 ? firstLineEnd : messageLength);
  }

  /**
   * Skips the rest of a dropped message too long to buffer, without keeping its bytes: counts it
   * from the part buffered, zeroes that, then reads on to the blank line.
   */
  private void skipRest(int lineLength, int previous, int next) throws IOException {
    countIfSensitive();
    wipe();
    int length = lineLength;
    int prev = previous;
    for (int b = next; b >= 0; b = nextByte()) {
      length++;
      if (b == '\n' && prev == '\r') {
        if (length == 2) {
          return;
        }
        length = 0;
      }
      prev = b;
    }
  }

  /** Hands an allowed message to the reader as lines; drops and zeroes any other. */
  private void release(int firstLineEnd) {
    if (AmiMessageFilter.isAllowed(message, firstLineEnd, messageLength)) {
      splitLines();
    } else {
      countIfSensitive();
    }
    wipe();
  }

  private void countIfSensitive() {
    if (AmiMessageFilter.isSensitive(message, 0, messageLength)) {
      onDropped.run();
    }
  }

  private boolean endsLine(int lineStart) {
    return messageLength - lineStart >= 2
        && message[messageLength - 1] == '\n'
        && message[messageLength - 2] == '\r';
  }

  private void splitLines() {
    int start = 0;
    for (int i = 1; i < messageLength; i++) {
      if (message[i] == '\n' && message[i - 1] == '\r') {
        ready.add(new String(message, start, i - 1 - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
  }

  private void append(int b, String what) throws IOException {
    if (messageLength == message.length) {
      wipe();
      throw new IOException(
          "AMI "
              + what
              + " longer than "
              + message.length
              + " bytes; the link reconnects. Raise maxMessageBytes if Asterisk really sends such"
              + " messages.");
    }
    message[messageLength++] = (byte) b;
  }

  private int nextByte() throws IOException {
    if (chunkPos == chunkEnd) {
      Arrays.fill(chunk, 0, chunkEnd, (byte) 0);
      chunkEnd = in.read(chunk);
      chunkPos = 0;
      if (chunkEnd <= 0) {
        chunkEnd = 0;
        return -1;
      }
    }
    return chunk[chunkPos++] & 0xff;
  }

  /** Zeroes the message buffer: dropped bytes may have been a caller's digits. */
  private void wipe() {
    Arrays.fill(message, 0, messageLength, (byte) 0);
    messageLength = 0;
  }

  /** Zeroes every buffer once the stream has ended; only the reading thread calls it. */
  private void wipeAll() {
    wipe();
    Arrays.fill(chunk, (byte) 0);
    chunkPos = 0;
    chunkEnd = 0;
  }
}
