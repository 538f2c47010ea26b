package io.tabula.masking.redteam;

import com.github.luben.zstd.ZstdOutputStream;
import io.tabula.masking.audit.CorpusScore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Writes the held-out red-team corpus for {@link CorpusScore}: {@code leaks/} (every sample must be
 * found) and {@code ordinary/} (no sample may be flagged), one file per class, generated from a
 * fixed seed so every run scores the same bytes. Nothing here is used by the unit tests' inputs.
 *
 * <pre>{@code
 * RedTeamCorpus.write(Path.of("target/redteam-corpus"), RedTeamCorpus.SEED);
 * }</pre>
 */
public final class RedTeamCorpus {

  public static final long SEED = 18;

  static final int KEY_SAMPLES = 150;
  static final int LINE_SAMPLES = 150;
  static final int TRAP_SAMPLES = 2_000;

  private RedTeamCorpus() {}

  public static void write(Path dir, long seed) throws IOException {
    Random random = new Random(seed);
    Cards cards = new Cards(random);
    Noise noise = new Noise(random);
    KeyLeaks keys = new KeyLeaks(random, cards, noise);
    LineLeaks lines = new LineLeaks(random, cards, noise);
    Traps traps = new Traps(random, cards, noise);
    Path leaks = Files.createDirectories(dir.resolve("leaks"));
    Path ordinary = Files.createDirectories(dir.resolve("ordinary"));

    samples(leaks, "keys-asterisk-dtmf-full-log", KEY_SAMPLES, keys::asteriskFullLog);
    samples(
        leaks, "keys-asterisk-dtmf-console-end-only", KEY_SAMPLES, keys::asteriskConsoleEndOnly);
    samples(leaks, "keys-agi-debug-wait-for-digit", KEY_SAMPLES, keys::agiDebugWaitForDigit);
    samples(leaks, "keys-agi-debug-get-data-one-key", KEY_SAMPLES, keys::agiDebugGetDataOneKey);
    samples(leaks, "keys-fastagi-trace", KEY_SAMPLES, keys::fastAgiTrace);
    samples(leaks, "keys-sip-info-pjsip-logger", KEY_SAMPLES, keys::sipInfoPjsipLogger);
    samples(leaks, "keys-sip-info-one-line", KEY_SAMPLES, keys::sipInfoOneLine);
    samples(leaks, "keys-rfc4733-asterisk-rtp-debug", KEY_SAMPLES, keys::rfc4733AsteriskRtpDebug);
    samples(leaks, "keys-rfc4733-tshark-verbose", KEY_SAMPLES, keys::rfc4733TsharkVerbose);
    samples(leaks, "line-plain", LINE_SAMPLES, lines::plain);
    samples(leaks, "shape-other-separators", LINE_SAMPLES, lines::otherSeparators);
    samples(leaks, "shape-wrapped-across-lines", LINE_SAMPLES, lines::wrappedAcrossLines);
    samples(leaks, "shape-split-across-fields", LINE_SAMPLES, lines::splitAcrossFields);
    samples(leaks, "shape-arrays", LINE_SAMPLES, lines::arrays);
    samples(leaks, "shape-escapes", LINE_SAMPLES, lines::escapes);
    samples(leaks, "shape-unicode-digits", LINE_SAMPLES, lines::unicodeDigits);
    samples(leaks, "card-track2-d-separator", LINE_SAMPLES, lines::track2);
    samples(leaks, "card-cvc-form-fields", LINE_SAMPLES, lines::cvcFormFields);
    samples(leaks, "card-cvc-xml-and-bare", LINE_SAMPLES, lines::cvcXmlAndBare);
    samples(leaks, "card-wider-brands", LINE_SAMPLES, lines::widerBrands);
    files(Files.createDirectories(leaks.resolve("files")), lines, noise);

    samples(ordinary, "http-statuses-and-result-200", TRAP_SAMPLES, traps::httpStatuses);
    samples(ordinary, "ibans", TRAP_SAMPLES, traps::ibans);
    samples(ordinary, "trace-and-span-ids", TRAP_SAMPLES, traps::traceIds);
    samples(ordinary, "uuids", TRAP_SAMPLES, traps::uuids);
    samples(ordinary, "timestamps", TRAP_SAMPLES, traps::timestamps);
    samples(ordinary, "elapsed-ns", TRAP_SAMPLES, traps::elapsedNanos);
    samples(ordinary, "order-numbers", TRAP_SAMPLES, traps::orderNumbers);
    samples(ordinary, "phone-numbers", TRAP_SAMPLES, traps::phoneNumbers);
    samples(ordinary, "number-lists", TRAP_SAMPLES, traps::numberLists);
    samples(ordinary, "hashes-and-tokens", TRAP_SAMPLES, traps::hashesAndTokens);
    samples(ordinary, "ivr-keys-not-cards", TRAP_SAMPLES, traps::ivrKeysNotCards);
    samples(ordinary, "asterisk-ordinary", TRAP_SAMPLES, traps::asteriskOrdinary);
    samples(ordinary, "ivr-get-data-entries", TRAP_SAMPLES, traps::ivrGetDataEntries);
  }

  private static void samples(Path dir, String name, int count, Supplier<List<String>> sample)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(dir.resolve(name + ".log"))) {
      for (int i = 1; i <= count; i++) {
        out.write(CorpusScore.SAMPLE_MARK + " " + i + "\n");
        for (String line : sample.get()) {
          out.write(line);
          out.write('\n');
        }
      }
    }
  }

  /** Whole files: a card deep in a long line, every common compression, UTF-16. */
  private static void files(Path dir, LineLeaks lines, Noise noise) throws IOException {
    StringBuilder longLine = new StringBuilder("payload=");
    while (longLine.length() < 1_129 * 1024) {
      longLine.append("abcdefghij");
    }
    longLine.append(' ').append(lines.plain().getFirst()).append(" tail");
    Files.writeString(dir.resolve("card-at-1129-kib-of-one-line.log"), longLine + "\n");
    byte[] text = logWithCard(lines, noise, StandardCharsets.UTF_8);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("gzip.gz")))) {
      out.write(text);
    }
    try (OutputStream out =
        new BZip2CompressorOutputStream(Files.newOutputStream(dir.resolve("bzip2.bz2")))) {
      out.write(text);
    }
    try (OutputStream out =
        new XZOutputStream(Files.newOutputStream(dir.resolve("xz.xz")), new LZMA2Options())) {
      out.write(text);
    }
    try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(dir.resolve("zstd.zst")))) {
      out.write(text);
    }
    Files.write(
        dir.resolve("utf16le-no-bom.u16"), logWithCard(lines, noise, StandardCharsets.UTF_16LE));
    Files.write(dir.resolve("utf16be-bom.u16"), logWithCard(lines, noise, StandardCharsets.UTF_16));
  }

  private static byte[] logWithCard(LineLeaks lines, Noise noise, Charset charset) {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      log.append(noise.engineChatter()).append('\n');
    }
    log.append(lines.plain().getFirst()).append('\n');
    return log.toString().getBytes(charset);
  }

  /**
   * What the equivalence tests scan: every line of the corpus written into {@code dir} with {@link
   * #SEED}, then every regression input of the module's fuzz targets (below 1 MiB) whole and line
   * by line, read as ISO-8859-1 so that any byte is a character.
   */
  public static List<String> linesAndFuzzInputs(Path dir) throws IOException {
    write(dir, SEED);
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources"))) {
      for (Path file : files.filter(f -> f.toString().contains("FuzzTestInputs")).toList()) {
        if (Files.isRegularFile(file) && Files.size(file) < (1 << 20)) {
          String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          lines.add(text);
          lines.addAll(text.lines().toList());
        }
      }
    }
    return lines;
  }
}
