package io.tabula.engine.residue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Counts occurrences of known 16-digit numbers in a file, as ASCII, UTF-16LE and UTF-16BE. It
 * streams the file and tracks runs of digits in each encoding, so a 100 MB dump needs no big array.
 */
final class DumpScanner {

  private final Set<String> numbers;
  private final int length;

  DumpScanner(Set<String> numbers, int length) {
    this.numbers = numbers;
    this.length = length;
  }

  /** Hits in each encoding: ascii, utf16le, utf16be. */
  record Hits(long ascii, long utf16le, long utf16be) {
    long total() {
      return ascii + utf16le + utf16be;
    }
  }

  Hits scan(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return scan(in);
    }
  }

  Hits scan(InputStream in) throws IOException {
    Run ascii = new Run();
    Run[] le = {new Run(), new Run()};
    Run[] be = {new Run(), new Run()};
    long asciiHits = 0;
    long leHits = 0;
    long beHits = 0;
    byte[] buffer = new byte[1 << 16];
    long position = 0;
    int previous = -1;
    for (int read; (read = in.read(buffer)) > 0; ) {
      for (int i = 0; i < read; i++, position++) {
        int b = buffer[i] & 0xff;
        asciiHits += ascii.accept(isDigit(b) ? b : -1);
        int parity = (int) (position & 1);
        // UTF-16LE: digit byte then 0x00; the code unit completes on the 0x00 byte.
        if (previous >= 0) {
          int unitParity = parity ^ 1;
          int le16 = (b == 0 && isDigit(previous)) ? previous : -1;
          int be16 = (previous == 0 && isDigit(b)) ? b : -1;
          leHits += le[unitParity].accept(le16);
          beHits += be[unitParity].accept(be16);
        }
        previous = b;
      }
    }
    return new Hits(asciiHits, leHits, beHits);
  }

  private static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  /** The last {@code length} digits of the current run; counts a hit for each known window. */
  private final class Run {
    private final StringBuilder digits = new StringBuilder();

    int accept(int digit) {
      if (digit < 0) {
        digits.setLength(0);
        return 0;
      }
      digits.append((char) digit);
      if (digits.length() > length) {
        digits.deleteCharAt(0);
      }
      return digits.length() == length && numbers.contains(digits.toString()) ? 1 : 0;
    }
  }
}
