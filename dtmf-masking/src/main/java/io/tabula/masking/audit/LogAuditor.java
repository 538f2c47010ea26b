package io.tabula.masking.audit;

import io.tabula.masking.log.Finding;
import io.tabula.masking.log.ScanPolicy;
import io.tabula.masking.log.SecretScanner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Scans log files for card data and other secrets, line by line in constant memory: plain text,
 * JSON lines (a card split across fields is found too) and gzip-compressed files (recognised by
 * their magic bytes, whatever their name). Uses {@link ScanPolicy#AUDIT}, which does not flag
 * timestamps, UUIDs, phone numbers or Asterisk call ids.
 *
 * <pre>{@code
 * AuditSummary summary = new LogAuditor().audit(files, finding -> System.out.println(finding));
 * }</pre>
 */
public final class LogAuditor {

  /** Longer lines are scanned in pieces of this size (with an overlap, so nothing is split). */
  private static final int MAX_LINE = 1 << 20;

  private final SecretScanner scanner = new SecretScanner(ScanPolicy.AUDIT);

  public AuditSummary audit(List<Path> files, AuditListener listener) {
    long bytes = 0;
    long findings = 0;
    long unreadable = 0;
    for (Path file : files) {
      try {
        CountingInputStream counted = new CountingInputStream(Files.newInputStream(file), listener);
        try (counted) {
          findings += scan(file, decompressed(counted), listener);
        }
        bytes += counted.count();
      } catch (IOException e) {
        unreadable++;
        listener.unreadable(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    }
    return new AuditSummary(files.size(), bytes, findings, unreadable);
  }

  /** Scans one text stream; public for callers that hold a stream rather than a file. */
  public long scan(Path name, InputStream in, AuditListener listener) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    long findings = 0;
    long number = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      number++;
      String text = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
      List<Finding> found = scanner.scan(text);
      for (Finding finding : found) {
        listener.finding(
            new AuditFinding(
                name, number, -1, finding.kind().description(), finding.replacement()));
      }
      findings += found.size();
    }
    return findings;
  }

  private static InputStream decompressed(InputStream in) throws IOException {
    InputStream buffered = new java.io.BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
  }
}
