package io.tabula.masking.audit;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines as {@link java.io.BufferedReader#readLine()} does (LF, CR or CRLF end a
 * line), but never holds more than {@code maxChars} of a line: a longer line is handed over in
 * pieces, each starting with the last {@code overlapChars} of the one before, so that a secret cut
 * by a piece boundary is still seen whole. Memory stays constant whatever the input.
 *
 * <pre>{@code
 * LinePieces.split(reader, 1 << 20, 256, (line, text, alreadySeen) -> scan(text));
 * }</pre>
 */
final class LinePieces {

  /** Receives each piece: its line number (from 1), its text, and how many leading chars repeat. */
  @FunctionalInterface
  interface Sink {
    void piece(long line, CharSequence text, int alreadySeen) throws IOException;
  }

  private final int maxChars;
  private final int overlapChars;
  private final Sink sink;
  private final StringBuilder line;
  private long number = 1;
  private int alreadySeen;
  private boolean afterCr;

  private LinePieces(int maxChars, int overlapChars, Sink sink) {
    this.maxChars = maxChars;
    this.overlapChars = overlapChars;
    this.sink = sink;
    this.line = new StringBuilder(Math.min(maxChars, 8192));
  }

  static void split(Reader in, int maxChars, int overlapChars, Sink sink) throws IOException {
    if (overlapChars >= maxChars) {
      throw new IllegalArgumentException("overlapChars must be less than maxChars");
    }
    new LinePieces(maxChars, overlapChars, sink).readAll(in);
  }

  private void readAll(Reader in) throws IOException {
    char[] buffer = new char[8192];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      for (int i = 0; i < n; i++) {
        accept(buffer[i]);
      }
    }
    if (line.length() > alreadySeen) {
      sink.piece(number, line, alreadySeen);
    }
  }

  private void accept(char c) throws IOException {
    boolean lfOfCrlf = afterCr && c == '\n';
    afterCr = c == '\r';
    if (lfOfCrlf) {
      return;
    }
    if (c == '\n' || c == '\r') {
      if (line.isEmpty() || line.length() > alreadySeen) {
        sink.piece(number, line, alreadySeen);
      }
      number++;
      line.setLength(0);
      alreadySeen = 0;
      return;
    }
    line.append(c);
    if (line.length() == maxChars) {
      sink.piece(number, line, alreadySeen);
      line.delete(0, maxChars - overlapChars);
      alreadySeen = overlapChars;
    }
  }
}
