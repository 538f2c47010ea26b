package io.tabula.masking.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Nothing unread is reported clean: long lines, compressions, UTF-16, and files it cannot read. */
class LogFormatsTest {

  private static final String CARD = "4111111111111111";
  private static final String LOG = "first line\nsecond line\ncharge card=" + CARD + " ok\nlast\n";

  @TempDir Path dir;

  private final List<AuditFinding> findings = new ArrayList<>();
  private final List<String> unreadable = new ArrayList<>();
  private final AuditListener listener =
      new AuditListener() {
        @Override
        public void finding(AuditFinding finding) {
          findings.add(finding);
        }

        @Override
        public void unreadable(Path file, String reason) {
          unreadable.add(file.getFileName() + " " + reason);
        }
      };

  private AuditSummary audit(Path file) {
    return new LogAuditor().audit(List.of(file), listener);
  }

  @Test
  void aCardAfterMoreThanAMebibyteOnOneLineIsFound() throws IOException {
    // Before: lines were cut at 1 MiB, so a card at 1,129 KiB was never scanned.
    String padding = "x".repeat(1129 * 1024);
    Path log = dir.resolve("long.log");
    Files.writeString(log, "a\n" + padding + " pan " + CARD + " end\nb\n");

    AuditSummary summary = audit(log);

    assertThat(summary.findings()).isEqualTo(1);
    assertThat(findings.getFirst().line()).isEqualTo(2);
    assertThat(findings.getFirst().masked()).isEqualTo("[Visa ****1111]");
  }

  @Test
  void aCardAcrossEveryPieceBoundaryIsFoundExactlyOnce() throws IOException {
    int piece = 5000;
    for (int at = piece - LinePieces.OVERLAP - 40; at < piece + 40; at++) {
      String line = "y".repeat(at) + " " + CARD + " " + "z".repeat(3 * piece);
      LinePieces pieces = new LinePieces(new StringReader(line + "\nnext\n"), piece);
      io.tabula.masking.log.SecretScanner scanner =
          new io.tabula.masking.log.SecretScanner(io.tabula.masking.log.ScanPolicy.AUDIT);
      int found = 0;
      while (pieces.next()) {
        for (var finding : scanner.scan(pieces.text())) {
          if (pieces.reportable(finding.start(), finding.end())) {
            found++;
            assertThat(pieces.lineNumber()).isEqualTo(1);
          }
        }
      }
      assertThat(found).as("card at offset %d", at).isEqualTo(1);
    }
  }

  @Test
  void aHugeLineIsScannedWithoutHoldingIt() throws IOException {
    long size = 256L << 20;
    byte[] tail = (" pan " + CARD + "\n").getBytes(StandardCharsets.US_ASCII);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    long found = new LogAuditor().scan(Path.of("huge.log"), new OneLine(size, tail), listener);

    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    System.out.printf(
        "Huge line: %d MiB on one line scanned, %d MiB allocated%n", size >> 20, allocated >> 20);
    assertThat(found).isEqualTo(1);
    // A line held whole would allocate at least its own size (and twice that as UTF-16 chars).
    assertThat(allocated).isLessThan(size / 4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "bzip2", "xz", "zstd"})
  void compressedLogsAreReadWhateverTheirName(String compression) throws IOException {
    Path log = dir.resolve("engine.log.1");
    try (OutputStream out = compressor(compression, Files.newOutputStream(log))) {
      out.write(LOG.getBytes(StandardCharsets.UTF_8));
    }

    AuditSummary summary = audit(log);

    assertThat(summary.findings()).as(compression).isEqualTo(1);
    assertThat(findings.getFirst().line()).isEqualTo(3);
    assertThat(summary.unreadable()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-16LE+BOM", "UTF-16BE+BOM", "UTF-8+BOM"})
  void utf16AndMarkedUtf8LogsAreRead(String encoding) throws IOException {
    Charset charset = Charset.forName(encoding.replace("+BOM", ""));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (encoding.endsWith("+BOM")) {
      bytes.write("\uFEFF".getBytes(charset));
    }
    bytes.write(LOG.getBytes(charset));
    Path log = dir.resolve("engine.log");
    Files.write(log, bytes.toByteArray());

    AuditSummary summary = audit(log);

    assertThat(summary.findings()).as(encoding).isEqualTo(1);
    assertThat(findings.getFirst().line()).isEqualTo(3);
  }

  @Test
  void aZipArchiveIsUnreadableNeverClean() throws IOException {
    Path zip = dir.resolve("logs.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("engine.log"));
      out.write(LOG.getBytes(StandardCharsets.UTF_8));
    }

    AuditSummary summary = audit(zip);

    assertThat(summary.clean()).isFalse();
    assertThat(summary.unreadable()).isEqualTo(1);
    assertThat(unreadable)
        .singleElement()
        .asString()
        .contains("is a zip archive")
        .contains("unpack it and audit the files");
  }

  @Test
  void aTruncatedCompressedLogIsUnreadableNeverClean() throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(whole)) {
      out.write(LOG.repeat(100).getBytes(StandardCharsets.UTF_8));
    }
    Path log = dir.resolve("cut.log.gz");
    byte[] all = whole.toByteArray();
    Files.write(log, Arrays.copyOf(all, all.length / 2));

    AuditSummary summary = audit(log);

    assertThat(summary.clean()).isFalse();
    assertThat(summary.unreadable()).isEqualTo(1);
  }

  private static OutputStream compressor(String name, OutputStream out) throws IOException {
    return switch (name) {
      case "gzip" -> new GZIPOutputStream(out);
      case "bzip2" -> new BZip2CompressorOutputStream(out);
      case "xz" -> new XZOutputStream(out, new LZMA2Options());
      case "zstd" -> new ZstdOutputStream(out);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** {@code size} bytes of one line of text, made on the fly, ending in {@code tail}. */
  private static final class OneLine extends InputStream {
    private final long size;
    private final byte[] tail;
    private long position;

    OneLine(long size, byte[] tail) {
      this.size = size;
      this.tail = tail;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      long total = size + tail.length;
      if (position >= total) {
        return -1;
      }
      int n = (int) Math.min(length, total - position);
      for (int i = 0; i < n; i++) {
        long at = position + i;
        buffer[offset + i] =
            at < size ? (byte) ('a' + (at % 23 == 0 ? 1 : 0)) : tail[(int) (at - size)];
      }
      position += n;
      return n;
    }
  }
}
