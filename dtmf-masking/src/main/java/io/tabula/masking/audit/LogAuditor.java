package io.tabula.masking.audit;

import io.tabula.masking.log.Finding;
import io.tabula.masking.log.ScanPolicy;
import io.tabula.masking.log.SecretScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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

  /** Longer lines are scanned in pieces of this size, with an overlap, so nothing is split. */
  private static final int MAX_LINE = 1 << 20;

  /** Longer than anything the scanner finds (track 1 data is at most 79 characters). */
  private static final int OVERLAP = 512;

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
    Reader reader = new InputStreamReader(in, decoder);
    long[] findings = {0};
    LinePieces.split(
        reader,
        MAX_LINE,
        OVERLAP,
        (number, text, alreadySeen) -> {
          for (Finding finding : scanner.scan(text)) {
            if (finding.end() > alreadySeen) { // else the previous piece reported it
              listener.finding(
                  new AuditFinding(
                      name, number, -1, finding.kind().description(), finding.replacement()));
              findings[0]++;
            }
          }
        });
    return findings[0];
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
