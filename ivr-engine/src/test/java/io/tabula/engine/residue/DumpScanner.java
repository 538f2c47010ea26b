package io.tabula.engine.residue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts occurrences of known digit strings ({@link Needles}) in a file, as ASCII, UTF-16LE and
 * UTF-16BE, in one streaming pass: it tracks runs of digits in each encoding and keeps the last
 * digits of each run as a number per needle length, so a 100 MB dump needs no big array and no
 * string per digit. A hit is counted for every position where a run's last digits equal a needle,
 * so a needle inside a longer run of digits is found too.
 *
 * <pre>{@code
 * DumpScanner scanner = DumpScanner.of(List.of(Needles.of("cards", cards)));
 * Findings findings = scanner.scan(Path.of("engine.hprof"));
 * long hits = findings.get("cards").total();
 * }</pre>
 */
final class DumpScanner {

  private static final long[] POWERS_OF_TEN = powersOfTen();

  private final List<Needles> needles;
  private final int[] lengths;

  private DumpScanner(List<Needles> needles) {
    this.needles = List.copyOf(needles);
    this.lengths = needles.stream().mapToInt(Needles::length).distinct().sorted().toArray();
  }

  static DumpScanner of(List<Needles> needles) {
    return new DumpScanner(needles);
  }

  /** Hits in each encoding: ascii, utf16le, utf16be. */
  record Hits(long ascii, long utf16le, long utf16be) {

    static final Hits NONE = new Hits(0, 0, 0);

    long total() {
      return ascii + utf16le + utf16be;
    }

    Hits plus(Hits other) {
      return new Hits(ascii + other.ascii, utf16le + other.utf16le, utf16be + other.utf16be);
    }
  }

  /** Hits per needle set, by name, in the order the sets were given. */
  record Findings(Map<String, Hits> byName) {

    Findings {
      byName = Map.copyOf(byName);
    }

    Hits get(String name) {
      return byName.getOrDefault(name, Hits.NONE);
    }

    Findings plus(Findings other) {
      Map<String, Hits> sum = new LinkedHashMap<>(byName);
      other.byName.forEach((name, hits) -> sum.merge(name, hits, Hits::plus));
      return new Findings(sum);
    }

    static Findings none() {
      return new Findings(Map.of());
    }
  }

  List<Needles> needles() {
    return needles;
  }

  Findings scan(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return scan(in);
    }
  }

  Findings scan(InputStream in) throws IOException {
    long[][] hits = new long[needles.size()][3];
    Track ascii = new Track(hits, 0);
    Track[] le = {new Track(hits, 1), new Track(hits, 1)};
    Track[] be = {new Track(hits, 2), new Track(hits, 2)};
    byte[] buffer = new byte[1 << 16];
    long position = 0;
    int previous = -1;
    for (int read; (read = in.read(buffer)) > 0; ) {
      for (int i = 0; i < read; i++, position++) {
        int b = buffer[i] & 0xff;
        ascii.accept(isDigit(b) ? b - '0' : -1);
        if (previous >= 0) {
          // The 16-bit unit that ends with this byte started at the other parity.
          int unitParity = (int) (position & 1) ^ 1;
          le[unitParity].accept(b == 0 && isDigit(previous) ? previous - '0' : -1);
          be[unitParity].accept(previous == 0 && isDigit(b) ? b - '0' : -1);
        }
        previous = b;
      }
    }
    return findings(hits);
  }

  private Findings findings(long[][] hits) {
    Map<String, Hits> byName = new LinkedHashMap<>();
    for (int n = 0; n < needles.size(); n++) {
      byName.merge(needles.get(n).name(), new Hits(hits[n][0], hits[n][1], hits[n][2]), Hits::plus);
    }
    return new Findings(byName);
  }

  private static boolean isDigit(int b) {
    return b >= '0' && b <= '9';
  }

  private static long[] powersOfTen() {
    long[] powers = new long[Needles.MAX_LENGTH + 1];
    powers[0] = 1;
    for (int i = 1; i < powers.length; i++) {
      powers[i] = powers[i - 1] * 10;
    }
    return powers;
  }

  /** One run of digits in one encoding and alignment: its length and its last digits per length. */
  private final class Track {
    private final long[][] hits;
    private final int encoding;
    private final long[] windows = new long[lengths.length];
    private long run;

    Track(long[][] hits, int encoding) {
      this.hits = hits;
      this.encoding = encoding;
    }

    void accept(int digit) {
      if (digit < 0) {
        run = 0;
        return;
      }
      run++;
      for (int l = 0; l < lengths.length; l++) {
        windows[l] = (windows[l] * 10 + digit) % POWERS_OF_TEN[lengths[l]];
        if (run >= lengths[l]) {
          count(lengths[l], windows[l]);
        }
      }
    }

    private void count(int length, long window) {
      for (int n = 0; n < needles.size(); n++) {
        Needles set = needles.get(n);
        if (set.length() == length && set.contains(window)) {
          hits[n][encoding]++;
        }
      }
    }
  }
}
