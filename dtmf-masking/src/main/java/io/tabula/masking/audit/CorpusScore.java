package io.tabula.masking.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scores {@code audit logs} on a labelled corpus, the way a red team measures it: a folder {@code
 * leaks/} whose every sample must be found and a folder {@code ordinary/} whose every sample must
 * not be flagged. Each file is one class; its samples are separated by lines that start with
 * {@value #SAMPLE_MARK} (a file without such lines, e.g. a compressed one, is one sample). A sample
 * is found, or flagged, when the audit of its file reports a finding on one of its lines. Files are
 * audited exactly as {@code audit logs} audits them, so the corpus may hold any shape: multi-line
 * samples, key-by-key calls, compressed or UTF-16 files.
 *
 * <pre>{@code
 * CorpusScore.Result result = CorpusScore.score(Path.of("target/redteam-corpus"));
 * System.out.println(result.table());
 * }</pre>
 */
public final class CorpusScore {

  /** A line that starts a sample (and is not a log line of it). */
  public static final String SAMPLE_MARK = "### sample";

  private CorpusScore() {}

  /** How one class (one file) fared: {@code hits} of {@code samples} had a finding. */
  public record ClassScore(String name, int samples, int hits, long bytes, long nanos) {
    public double percent() {
      return samples == 0 ? 0 : 100.0 * hits / samples;
    }

    public double megabytesPerSecond() {
      return nanos == 0 ? 0 : bytes / 1e6 / (nanos / 1e9);
    }
  }

  /**
   * @param nanos time spent auditing (reading, decoding, scanning), for the throughput
   */
  public record Result(List<ClassScore> leaks, List<ClassScore> ordinary, long bytes, long nanos) {

    public double foundPercent() {
      return percent(leaks);
    }

    public double flaggedPercent() {
      return percent(ordinary);
    }

    public double megabytesPerSecond() {
      return nanos == 0 ? 0 : bytes / 1e6 / (nanos / 1e9);
    }

    private static double percent(List<ClassScore> scores) {
      long samples = scores.stream().mapToLong(ClassScore::samples).sum();
      long hits = scores.stream().mapToLong(ClassScore::hits).sum();
      return samples == 0 ? 0 : 100.0 * hits / samples;
    }

    /** The figures as a plain-text table, per class and in total. */
    public String table() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              "%-44s %8s %8s %9s %8s%n", "leak class", "samples", "found", "found %", "MB/s"));
      for (ClassScore score : leaks) {
        out.append(row(score));
      }
      out.append(
          String.format(
              "%-44s %8d %8d %8.2f%%%n%n",
              "all leaks",
              leaks.stream().mapToInt(ClassScore::samples).sum(),
              leaks.stream().mapToInt(ClassScore::hits).sum(),
              foundPercent()));
      out.append(
          String.format(
              "%-44s %8s %8s %9s%n", "ordinary class", "samples", "flagged", "flagged %"));
      for (ClassScore score : ordinary) {
        out.append(row(score));
      }
      out.append(
          String.format(
              "%-44s %8d %8d %8.3f%%%n%n",
              "all ordinary",
              ordinary.stream().mapToInt(ClassScore::samples).sum(),
              ordinary.stream().mapToInt(ClassScore::hits).sum(),
              flaggedPercent()));
      out.append(
          String.format(
              "audited %,d bytes in %.3f s: %.1f MB/s (one thread, warm-up included)%n",
              bytes, nanos / 1e9, megabytesPerSecond()));
      return out.toString();
    }

    private static String row(ClassScore score) {
      return String.format(
          "%-44s %8d %8d %8.2f%% %8.1f%n",
          score.name(), score.samples(), score.hits(), score.percent(), score.megabytesPerSecond());
    }
  }

  public static Result score(Path corpus) throws IOException {
    long[] bytesAndNanos = new long[2];
    List<ClassScore> leaks = scoreFolder(corpus.resolve("leaks"), bytesAndNanos);
    List<ClassScore> ordinary = scoreFolder(corpus.resolve("ordinary"), bytesAndNanos);
    return new Result(leaks, ordinary, bytesAndNanos[0], bytesAndNanos[1]);
  }

  private static List<ClassScore> scoreFolder(Path folder, long[] bytesAndNanos)
      throws IOException {
    if (!Files.isDirectory(folder)) {
      throw new java.nio.file.NoSuchFileException(
          folder.toString(), null, "a corpus holds leaks/ and ordinary/: check the path");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<ClassScore> scores = new ArrayList<>();
    for (Path file : files) {
      scores.add(scoreFile(folder, file, bytesAndNanos));
    }
    return scores;
  }

  private static ClassScore scoreFile(Path folder, Path file, long[] bytesAndNanos)
      throws IOException {
    List<Long> starts = sampleStarts(file);
    BitSet linesWithFindings = new BitSet();
    boolean[] unreadable = {false};
    long began = System.nanoTime();
    AuditSummary summary =
        new LogAuditor()
            .audit(
                List.of(file),
                new AuditListener() {
                  @Override
                  public void finding(AuditFinding finding) {
                    linesWithFindings.set((int) Math.min(Integer.MAX_VALUE, finding.line()));
                  }

                  @Override
                  public void unreadable(Path path, String reason) {
                    unreadable[0] = true;
                  }
                });
    long nanos = System.nanoTime() - began;
    bytesAndNanos[1] += nanos;
    bytesAndNanos[0] += summary.bytes();
    int hits = 0;
    for (int i = 0; i < starts.size(); i++) {
      int from = (int) (long) starts.get(i);
      int to = i + 1 < starts.size() ? (int) (long) starts.get(i + 1) : Integer.MAX_VALUE;
      int next = linesWithFindings.nextSetBit(from);
      if ((next >= 0 && next < to) || unreadable[0]) {
        hits++;
      }
    }
    String name = folder.relativize(file).toString().replaceFirst("\\.[^./]+$", "");
    return new ClassScore(name, starts.size(), hits, summary.bytes(), nanos);
  }

  /** The 1-based first line of each sample; one sample from line 1 when there are no marks. */
  private static List<Long> sampleStarts(Path file) throws IOException {
    List<Long> starts = new ArrayList<>();
    String name = file.getFileName().toString();
    if (name.endsWith(".log") || name.endsWith(".txt")) {
      try (InputStream raw = Files.newInputStream(file);
          BufferedReader in =
              new BufferedReader(new java.io.InputStreamReader(raw, StandardCharsets.UTF_8))) {
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          number++;
          if (line.startsWith(SAMPLE_MARK)) {
            starts.add(number);
          }
        }
      }
    }
    if (starts.isEmpty()) {
      starts.add(1L);
    }
    return starts;
  }
}
