package io.tabula.engine.residue;

import static io.tabula.engine.residue.ResidueNeedles.CANARY_CARD;
import static io.tabula.engine.residue.ResidueNeedles.CANARY_CODE;
import static io.tabula.engine.residue.ResidueNeedles.CARDS;
import static io.tabula.engine.residue.ResidueNeedles.CODES_ANY;
import static io.tabula.engine.residue.ResidueNeedles.CODES_WHOLE;
import static io.tabula.engine.residue.ResidueNeedles.CONTROL_ANY;
import static io.tabula.engine.residue.ResidueNeedles.CONTROL_WHOLE;

import io.tabula.engine.residue.DumpScanner.Findings;
import io.tabula.engine.residue.DumpScanner.Hits;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The figures the whole-product residue test prints: what the calls did, then per scanned place the
 * files, bytes and hits (ASCII/UTF-16LE/UTF-16BE), then the expiry+CVC statistics against the
 * control codes. It prints counts and file names only, never a digit string that was looked for.
 *
 * <pre>{@code
 * ResidueReport report = new ResidueReport(calls, places, needles);
 * report.print(System.out);
 * }</pre>
 */
record ResidueReport(ProductRun run, List<PlaceScan> places, ResidueNeedles needles) {

  /** Every place's findings together; found-code sets are unions, so overlaps count once. */
  Findings all() {
    return places.stream().map(PlaceScan::findings).reduce(Findings.none(), Findings::plus);
  }

  ChanceHits wholeRunChance() {
    return new ChanceHits(
        all().distinct(CONTROL_WHOLE), needles.control().size(), needles.distinctKeyedCodes());
  }

  ChanceHits anywhereChance() {
    return new ChanceHits(
        all().distinct(CONTROL_ANY), needles.control().size(), needles.distinctKeyedCodes());
  }

  void print(PrintStream out) {
    out.printf(Locale.ROOT, "Whole-product residue test%n%s%n", run.summary());
    out.printf(
        Locale.ROOT,
        "%-46s %5s %13s %6s  %-11s %-11s %-11s %-15s %s%n",
        "place (hits as ascii/utf16le/utf16be)",
        "files",
        "bytes",
        "scan s",
        "cards",
        "codes-whole",
        "codes-any",
        "control w/any",
        "canaries");
    for (PlaceScan place : places) {
      Findings f = place.findings();
      out.printf(
          Locale.ROOT,
          "%-46s %5d %,13d %6.1f  %-11s %-11s %-11s %-15s %d%n",
          place.place(),
          place.files(),
          place.bytes(),
          place.took().toMillis() / 1000.0,
          encodings(f.get(CARDS)),
          encodings(f.get(CODES_WHOLE)),
          encodings(f.get(CODES_ANY)),
          f.distinct(CONTROL_WHOLE) + "/" + f.distinct(CONTROL_ANY),
          f.get(CANARY_CARD).total() + f.get(CANARY_CODE).total());
    }
    printCodes(out, "as a whole run of digits", CODES_WHOLE, CONTROL_WHOLE, wholeRunChance());
    printCodes(out, "anywhere in a run of digits", CODES_ANY, CONTROL_ANY, anywhereChance());
  }

  private void printCodes(
      PrintStream out, String how, String keyed, String control, ChanceHits chance) {
    out.printf(
        Locale.ROOT,
        "expiry+CVC %s: %d of %d keyed codes found; control: %d of %,d never-keyed codes found"
            + " -> %.4f keyed finds expected by chance, P(any) %.2f%%, chance explains up to %d%n",
        how,
        all().distinct(keyed),
        needles.distinctKeyedCodes(),
        all().distinct(control),
        needles.control().size(),
        chance.expected(),
        100 * chance.anyByChance(),
        chance.allowed());
  }

  private static String encodings(Hits hits) {
    return hits.ascii() + "/" + hits.utf16le() + "/" + hits.utf16be();
  }
}
