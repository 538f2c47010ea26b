package io.tabula.masking.audit;

import io.tabula.masking.keys.KeyedEntryAuditor;
import io.tabula.masking.keys.KeyedFinding;
import io.tabula.masking.log.Finding;
import io.tabula.masking.log.ScanPolicy;
import io.tabula.masking.log.SecretScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scans log files for card data and other secrets, line by line in constant memory however long a
 * line is (a long line is scanned in overlapping pieces, see {@link LinePieces}): plain text, JSON
 * lines (a card split across fields is found too), in UTF-8 or UTF-16, and gzip, bzip2, xz or zstd
 * compressed (recognised by their magic bytes, whatever their name). An archive or a compression it
 * cannot read is reported unreadable, never clean. Uses {@link ScanPolicy#AUDIT}, which does not
 * flag timestamps, UUIDs, phone numbers or Asterisk call ids. A card keyed one key per line (DTMF,
 * AGI, SIP INFO and RFC 4733 lines) is put back together per call by {@link KeyedEntryAuditor}.
 *
 * <pre>{@code
 * AuditSummary summary = new LogAuditor().audit(files, finding -> System.out.println(finding));
 * }</pre>
 */
public final class LogAuditor {

  private final SecretScanner scanner = new SecretScanner(ScanPolicy.AUDIT);

  public AuditSummary audit(List<Path> files, AuditListener listener) {
    long bytes = 0;
    long findings = 0;
    long unreadable = 0;
    for (Path file : files) {
      try {
        CountingInputStream counted = new CountingInputStream(Files.newInputStream(file), listener);
        try (counted) {
          findings += scan(file, counted, listener);
        }
        bytes += counted.count();
      } catch (UnreadableLogException e) {
        unreadable++;
        listener.unreadable(file, e.getMessage());
      } catch (IOException e) {
        unreadable++;
        listener.unreadable(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    }
    return new AuditSummary(files.size(), bytes, findings, unreadable);
  }

  /**
   * Scans one log stream (compressed or not, UTF-8 or UTF-16, see {@link LogText}); public for
   * callers that hold a stream rather than a file.
   *
   * @throws UnreadableLogException when the stream is an archive or compression the audit cannot
   *     read
   */
  public long scan(Path name, InputStream in, AuditListener listener) throws IOException {
    LinePieces pieces = new LinePieces(LogText.open(in));
    long[] keyed = {0};
    KeyedEntryAuditor keys =
        new KeyedEntryAuditor(
            finding -> {
              listener.finding(keyedFinding(name, finding));
              keyed[0]++;
            });
    WrappedDigits wrapped = new WrappedDigits(scanner);
    long findings = 0;
    while (pieces.next()) {
      if (pieces.isFirstPiece()) {
        keys.line(pieces.text(), pieces.lineNumber());
      }
      for (Finding finding : scanner.scan(pieces.text())) {
        if (pieces.reportable(finding.start(), finding.end())) {
          listener.finding(auditFinding(name, pieces.lineNumber(), finding));
          findings++;
        }
      }
      Finding acrossLines = wrapped.next(pieces);
      if (acrossLines != null) {
        listener.finding(auditFinding(name, pieces.lineNumber() - 1, acrossLines));
        findings++;
      }
    }
    keys.finish();
    return findings + keyed[0];
  }

  /** A key-by-key finding names its call and the lines of its first and last key. */
  private static AuditFinding keyedFinding(Path name, KeyedFinding finding) {
    String where =
        finding.firstLine() == finding.lastLine()
            ? " line " + finding.firstLine()
            : " lines " + finding.firstLine() + "-" + finding.lastLine();
    return new AuditFinding(
        name,
        finding.lastLine(),
        -1,
        finding.kind(),
        finding.masked() + " call " + finding.call() + "," + where);
  }

  private static AuditFinding auditFinding(Path name, long line, Finding finding) {
    String shape = finding.reason().shape();
    String kind = finding.kind().description() + (shape.isEmpty() ? "" : " as " + shape);
    return new AuditFinding(
        name, line, -1, kind, finding.replacement(), finding.reason().describe());
  }
}
