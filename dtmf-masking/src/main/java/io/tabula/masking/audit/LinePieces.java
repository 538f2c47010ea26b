package io.tabula.masking.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;

/**
 * Reads text line by line in constant memory, however long a line is: a line longer than a piece is
 * handed out in pieces that overlap by {@link #OVERLAP} characters, so that anything up to {@link
 * #LONGEST_FINDING} characters long lies whole in some piece. {@link #reportable} says which of a
 * piece's findings are its own, so that each is reported exactly once.
 *
 * <pre>{@code
 * LinePieces pieces = new LinePieces(reader);
 * while (pieces.next()) {
 *   for (Finding f : scanner.scan(pieces.text())) {
 *     if (pieces.reportable(f.start(), f.end())) { ... pieces.lineNumber() ... }
 *   }
 * }
 * }</pre>
 */
final class LinePieces {

  /**
   * The longest secret the scanner finds (track 1 data is 79 characters; JSON splits are longer).
   */
  static final int LONGEST_FINDING = 1024;

  /** How much of a piece the next piece of the same line repeats. */
  static final int OVERLAP = 2 * LONGEST_FINDING;

  private final Reader in;
  private final char[] piece;
  private final PieceView view;
  private final char[] read = new char[1 << 15];
  private int readAt;
  private int readEnd;
  private int length;
  private long line;
  private boolean endOfLine = true;
  private boolean continued;
  private boolean skipLineFeed;

  LinePieces(Reader in) {
    this(in, 1 << 16);
  }

  LinePieces(Reader in, int pieceLength) {
    if (pieceLength <= 2 * OVERLAP) {
      throw new IllegalArgumentException("a piece must be longer than twice the overlap");
    }
    this.in = in;
    this.piece = new char[pieceLength];
    this.view = new PieceView(piece);
  }

  /** Moves to the next piece; false at the end of the text. */
  boolean next() throws IOException {
    boolean any = readPiece();
    view.length = length;
    return any;
  }

  private boolean readPiece() throws IOException {
    continued = !endOfLine;
    if (continued) {
      System.arraycopy(piece, length - OVERLAP, piece, 0, OVERLAP);
      length = OVERLAP;
    } else {
      length = 0;
      line++;
    }
    endOfLine = false;
    boolean any = continued;
    while (length < piece.length) {
      if (readAt == readEnd && !fill()) {
        endOfLine = true;
        return any || length > 0;
      }
      any = true;
      if (skipLineFeed) {
        skipLineFeed = false;
        if (read[readAt] == '\n') {
          readAt++;
          continue;
        }
      }
      int to = Math.min(readEnd, readAt + piece.length - length);
      int end = lineBreak(readAt, to);
      System.arraycopy(read, readAt, piece, length, end - readAt);
      length += end - readAt;
      readAt = end;
      if (end < to) {
        skipLineFeed = read[end] == '\r';
        readAt++;
        endOfLine = true;
        return true;
      }
    }
    return true;
  }

  /** The first line break in {@code read[from, to)}, or {@code to}. */
  private int lineBreak(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = read[i];
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return to;
  }

  private boolean fill() throws IOException {
    int n = in.read(read, 0, read.length);
    if (n <= 0) {
      return false;
    }
    readAt = 0;
    readEnd = n;
    return true;
  }

  /** The current piece (valid until the next call to {@link #next}); the same view every time. */
  CharSequence text() {
    return view;
  }

  /** Whether the current piece starts its line (a short line is one piece). */
  boolean isFirstPiece() {
    return !continued;
  }

  /** Whether the current piece is the first (or only) piece of its line. */
  boolean startsLine() {
    return !continued;
  }

  /** Whether the current piece is the last (or only) piece of its line. */
  boolean endsLine() {
    return endOfLine;
  }

  /** 1-based line number of the current piece. */
  long lineNumber() {
    return line;
  }

  /**
   * The current piece as text without copying it: one view for the whole read, so a line costs no
   * allocation (a {@code CharBuffer.wrap} per line was one object per line). A static class with
   * its own reference to the piece and its length: every finder reads each character through {@link
   * #charAt}, so it reaches the array directly rather than through the enclosing reader.
   */
  private static final class PieceView implements CharSequence {

    private final char[] piece;
    private int length;

    PieceView(char[] piece) {
      this.piece = piece;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public char charAt(int index) {
      if (index >= length) {
        throw new IndexOutOfBoundsException(index);
      }
      return piece[index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      java.util.Objects.checkFromToIndex(start, end, length);
      return CharBuffer.wrap(piece, start, end - start).slice();
    }

    @Override
    public String toString() {
      return new String(piece, 0, length);
    }
  }

  /**
   * Whether a finding at [start, end) of the current piece is reported here: not when the previous
   * piece of the line already held it whole, and not yet when the next piece will hold it whole.
   */
  boolean reportable(int start, int end) {
    boolean seenBefore = continued && end <= OVERLAP - LONGEST_FINDING;
    boolean seenAfter = !endOfLine && end > length - LONGEST_FINDING;
    return !seenBefore && !seenAfter;
  }
}
