package io.tabula.engine.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Turns the AMI byte stream into lines for Asterisk-Java, one whole message at a time, after {@link
 * AmiMessageFilter} has had a look at its bytes.
 *
 * <p>Why whole messages: a DTMF event is only recognisable once its {@code Event:} line is seen,
 * and its {@code Digit:} line may come before or after it. Buffering a message (bounded) and
 * dropping it as bytes means no {@code String} of a digit is ever made, so neither Asterisk-Java's
 * reader, its event objects, its logging nor its {@code org.asteriskjava.trace} file can see one.
 * Dropped bytes are zeroed. Lines end in CRLF (observation 1 of the fixtures README); a lone LF
 * stays inside a line, exactly as Asterisk-Java's own CRLF scanner treats it.
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
   * @param maxMessageBytes the largest message accepted; a longer one ends the connection
   * @param onDropped called once for every message dropped as sensitive (it gets no content)
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
        if (!readMessage()) {
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

  /** Reads up to the end of one message (or the banner line); false at end of stream. */
  private boolean readMessage() throws IOException {
    int lineStart = messageLength;
    while (true) {
      int b = nextByte();
      if (b < 0) {
        wipe();
        return false;
      }
      append((byte) b);
      if (b != '\n' || messageLength - lineStart < 2 || message[messageLength - 2] != '\r') {
        continue;
      }
      boolean blank = messageLength - lineStart == 2;
      if (bannerPending || blank) {
        bannerPending = false;
        release();
        return true;
      }
      lineStart = messageLength;
    }
  }

  /** Hands a complete message to the reader as lines, or drops and zeroes it. */
  private void release() {
    if (AmiMessageFilter.isSensitive(message, 0, messageLength)) {
      onDropped.run();
    } else {
      splitLines();
    }
    wipe();
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

  private void append(byte b) throws IOException {
    if (messageLength == message.length) {
      wipe();
      throw new IOException(
          "AMI message longer than "
              + message.length
              + " bytes; the link reconnects. Raise maxMessageBytes if Asterisk really sends such"
              + " messages.");
    }
    message[messageLength++] = b;
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
