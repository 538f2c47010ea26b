package io.tabula.masking.card;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The card brands' published IIN ranges, read once from the maintained table {@code iin-ranges.tsv}
 * next to this class (its header names the source and the date it was checked). The log scanners
 * ask it whether digits that look like a card number are one: a range of a brand that issues that
 * length, and the brand's check digit right.
 *
 * <pre>{@code
 * IinTable.standard().brandOf(digits, 0, 16); // "Mir" for 2200 0000 0000 0004, or null
 * }</pre>
 */
public final class IinTable {

  private static final String RESOURCE = "iin-ranges.tsv";
  private static final int MAX_PREFIX = 6;
  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /** One line of the table: a brand's range, the PAN lengths it issues, its check digit. */
  record Entry(String brand, IinRange range, long lengths, CheckDigit check) {

    boolean accepts(int length) {
      return length < 64 && (lengths & (1L << length)) != 0;
    }
  }

  /** Whether a brand's numbers end in a Luhn check digit. */
  enum CheckDigit {
    /** Always: a number that fails the check is not the brand's. */
    LUHN,
    /** Usually, not on every card: auditors require it, masking does not. */
    MOSTLY,
    /** Never checked. */
    NONE
  }

  private final List<Entry> entries;

  private IinTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The shipped table; loaded on first use, then shared (it is immutable). */
  public static IinTable standard() {
    return Holder.STANDARD;
  }

  /** How many ranges the table holds. */
  public int size() {
    return entries.size();
  }

  /**
   * The brand of the card number in {@code digits[from, from + count)}, or null when no brand
   * issues such a number: a range must hold its first digits, the brand must issue {@code count}
   * digits, and the Luhn check must pass where the brand uses it. When several ranges fit, the
   * longest prefix names the brand (650031 is Elo, not Discover).
   */
  public String brandOf(char[] digits, int from, int count) {
    return brandOf(digits, from, count, false);
  }

  /**
   * As {@link #brandOf(char[], int, int)}; {@code lenient} also accepts a number without a valid
   * check digit for a brand whose cards mostly, but not always, have one (the masking layer's
   * choice: masking a number that is not a card costs nothing).
   */
  public String brandOf(char[] digits, int from, int count, boolean lenient) {
    int prefixDigits = Math.min(MAX_PREFIX, count);
    int prefix = 0;
    for (int i = 0; i < prefixDigits; i++) {
      prefix = prefix * 10 + (digits[from + i] - '0');
    }
    boolean luhn = luhnValid(digits, from, count);
    Entry best = null;
    for (Entry entry : entries) {
      IinRange range = entry.range();
      if (range.digits() <= prefixDigits
          && (best == null || range.digits() > best.range().digits())
          && range.contains(prefix / POWERS_OF_TEN[prefixDigits - range.digits()])
          && entry.accepts(count)
          && (luhn
              || entry.check() == CheckDigit.NONE
              || (lenient && entry.check() == CheckDigit.MOSTLY))) {
        best = entry;
      }
    }
    return best == null ? null : best.brand();
  }

  /** The Luhn (mod 10) check over {@code count} ASCII digits at {@code from}. */
  public static boolean luhnValid(char[] digits, int from, int count) {
    int sum = 0;
    for (int i = 0; i < count; i++) {
      int value = digits[from + count - 1 - i] - '0';
      if ((i & 1) == 1) {
        value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      }
      sum += value;
    }
    return sum % 10 == 0;
  }

  /** Parses the table; a malformed line is a defect of the shipped file, so it fails loudly. */
  static IinTable parse(InputStream in) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (!line.isBlank() && !line.startsWith("#")) {
          entries.add(entry(line, number));
        }
      }
    }
    return new IinTable(entries);
  }

  private static Entry entry(String line, int number) {
    String[] fields = line.split("\t");
    if (fields.length != 4) {
      throw new IllegalStateException(
          RESOURCE + " line " + number + ": expected 4 tab-separated fields; fix the table");
    }
    try {
      String[] bounds = fields[1].split("-");
      IinRange range =
          bounds.length == 1
              ? IinRange.of(Integer.parseInt(bounds[0]))
              : IinRange.of(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1]));
      if (range.digits() > MAX_PREFIX
          || Integer.toString(range.high()).length() != range.digits()) {
        throw new IllegalStateException(
            RESOURCE + " line " + number + ": a range is 1-6 digits, both ends the same length");
      }
      CheckDigit check =
          switch (fields[3]) {
            case "luhn" -> CheckDigit.LUHN;
            case "mostly" -> CheckDigit.MOSTLY;
            case "none" -> CheckDigit.NONE;
            default ->
                throw new IllegalStateException(
                    RESOURCE + " line " + number + ": check digit is luhn, mostly or none");
          };
      return new Entry(fields[0], range, lengths(fields[2]), check);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          RESOURCE + " line " + number + ": ranges and lengths are numbers; fix the table", e);
    }
  }

  private static long lengths(String field) {
    long lengths = 0;
    for (String part : field.split(",")) {
      String[] bounds = part.split("-");
      int low = Integer.parseInt(bounds[0]);
      int high = bounds.length == 1 ? low : Integer.parseInt(bounds[1]);
      for (int length = low; length <= high; length++) {
        lengths |= 1L << length;
      }
    }
    return lengths;
  }

  private static final class Holder {
    private static final IinTable STANDARD = load();

    private static IinTable load() {
      try (InputStream in = IinTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the dtmf-masking jar");
        }
        return parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
