package io.tabula.engine.residue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
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
  private static final int BLOCK = 1 << 16;
  private static final byte[] ZEROS = new byte[BLOCK];

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

  /**
   * Hits per needle set, by name, and which strings of each set were hit (indexes as in {@link
   * Needles#indexOf}): 1,000 hits of one string that is common by chance say something else than
   * 1,000 different strings found once each.
   */
  record Findings(Map<String, Hits> byName, Map<String, BitSet> found) {

    Findings {
      byName = Map.copyOf(byName);
      Map<String, BitSet> copies = new LinkedHashMap<>();
      found.forEach((name, bits) -> copies.put(name, (BitSet) bits.clone()));
      found = Map.copyOf(copies);
    }

    Hits get(String name) {
      return byName.getOrDefault(name, Hits.NONE);
    }

    /** How many different strings of the set {@code name} occur at least once. */
    int distinct(String name) {
      return found.containsKey(name) ? found.get(name).cardinality() : 0;
    }

    Findings plus(Findings other) {
      Map<String, Hits> sum = new LinkedHashMap<>(byName);
      other.byName.forEach((name, hits) -> sum.merge(name, hits, Hits::plus));
      Map<String, BitSet> union = new LinkedHashMap<>(found);
      other.found.forEach(
          (name, bits) ->
              union.merge(
                  name,
                  bits,
                  (a, b) -> {
                    BitSet both = (BitSet) a.clone();
                    both.or(b);
                    return both;
                  }));
      return new Findings(sum, union);
    }

    static Findings none() {
      return new Findings(Map.of(), Map.of());
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
    Counts counts = new Counts(needles.size());
    Track ascii = new Track(counts, 0);
    Track[] le = {new Track(counts, 1), new Track(counts, 1)};
    Track[] be = {new Track(counts, 2), new Track(counts, 2)};
    byte[] buffer = new byte[BLOCK];
    long position = 0;
    List<Track> tracks = List.of(ascii, le[0], le[1], be[0], be[1]);
    int previous = -1;
    int beforePrevious = -1;
    boolean runsOpen = false;
    for (int read; (read = in.read(buffer)) > 0; ) {
      if (!runsOpen && !isDigit(previous) && allZero(buffer, read)) {
        // A block of zeros (most of a core dump: untouched pages) takes the fast path below at
        // every byte; skipping it whole gives the same counts, much faster.
        position += read;
        beforePrevious = read > 1 ? 0 : previous;
        previous = 0;
        continue;
      }
      for (int i = 0; i < read; i++, position++) {
        int b = buffer[i] & 0xff;
        if (!runsOpen && !isDigit(b) && !isDigit(previous)) {
          // Fast path for most of a dump: no digit in this byte or the one before, and no run to
          // end, so no encoding sees a digit here.
          beforePrevious = previous;
          previous = b;
          continue;
        }
        ascii.accept(isDigit(b) ? b - '0' : -1, -1, -1);
        if (previous >= 0) {
          // The 16-bit unit (previous, b) started at the other parity. Its first byte and the
          // byte before it are what a run in this encoding touches on either side.
          int unitParity = (int) (position & 1) ^ 1;
          int leDigit = b == 0 && isDigit(previous) ? previous - '0' : -1;
          int beDigit = previous == 0 && isDigit(b) ? b - '0' : -1;
          le[unitParity].accept(leDigit, beforePrevious, previous);
          be[unitParity].accept(beDigit, beforePrevious, previous);
        }
        beforePrevious = previous;
        previous = b;
        runsOpen = ascii.open() || le[0].open() || le[1].open() || be[0].open() || be[1].open();
      }
    }
    for (Track track : tracks) {
      track.endRun(-1);
    }
    return counts.findings();
  }

  /** Hits per needle set and encoding, and which strings were hit. */
  private final class Counts {
    private final long[][] hits;
    private final BitSet[] found;

    Counts(int sets) {
      hits = new long[sets][3];
      found = new BitSet[sets];
      for (int n = 0; n < sets; n++) {
        found[n] = new BitSet();
      }
    }

    void hit(int set, int encoding, int index) {
      hits[set][encoding]++;
      found[set].set(index);
    }

    Findings findings() {
      Findings all = Findings.none();
      for (int n = 0; n < needles.size(); n++) {
        String name = needles.get(n).name();
        all =
            all.plus(
                new Findings(
                    Map.of(name, new Hits(hits[n][0], hits[n][1], hits[n][2])),
                    Map.of(name, found[n])));
      }
      return all;
    }
  }

  private static boolean allZero(byte[] buffer, int length) {
    return Arrays.mismatch(buffer, 0, length, ZEROS, 0, length) < 0;
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
    private final Counts counts;
    private final int encoding;
    private final long[] windows = new long[lengths.length];
    private long run;
    private boolean cleanStart;

    Track(Counts counts, int encoding) {
      this.counts = counts;
      this.encoding = encoding;
    }

    /**
     * The next character of this encoding and alignment: a digit value, or -1 for anything else.
     * For UTF-16, {@code byteBefore} is the byte just before this unit and {@code firstByte} the
     * unit's first byte: a run that another digit byte touches there is not whole, because a
     * UTF-16LE run such as "5" + code, read one byte later, is a UTF-16BE run "code" (and the other
     * way round) that only looks whole.
     */
    void accept(int digit, int byteBefore, int firstByte) {
      if (digit < 0) {
        endRun(firstByte);
        return;
      }
      if (run == 0) {
        cleanStart = !isDigit(byteBefore);
      }
      run++;
      for (int l = 0; l < lengths.length; l++) {
        windows[l] = (windows[l] * 10 + digit) % POWERS_OF_TEN[lengths[l]];
        if (run >= lengths[l]) {
          count(lengths[l], windows[l], false);
        }
      }
    }

    boolean open() {
      return run > 0;
    }

    /**
     * A run ends at a non-digit (whose first byte is {@code byteAfter}) or at the end of the input
     * (-1): whole-run needles are checked.
     */
    void endRun(int byteAfter) {
      if (run == 0) {
        return;
      }
      boolean whole = cleanStart && !isDigit(byteAfter);
      for (int l = 0; l < lengths.length; l++) {
        if (whole && run == lengths[l]) {
          count(lengths[l], windows[l], true);
        }
      }
      run = 0;
    }

    private void count(int length, long window, boolean wholeRun) {
      for (int n = 0; n < needles.size(); n++) {
        Needles set = needles.get(n);
        if (set.length() == length && set.wholeRun() == wholeRun) {
          int index = set.indexOf(window);
          if (index >= 0) {
            counts.hit(n, encoding, index);
          }
        }
      }
    }
  }
}
