package io.tabula.engine.ami;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tabula.testing.TimeBound;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Coverage-guided fuzzing of the AMI reading side (docs/fuzzing.md): {@link AmiLineSource} and the
 * {@link AmiMessageFilter} it applies, on any bytes in any reads. The source ends with lines and
 * end of stream or its one {@link IOException} (a message over the limit), in bounded time, and no
 * line it hands to Asterisk-Java names a digit header, a DTMF event or a digit-bearing event class,
 * checked here with plain string handling independent of the filter.
 *
 * <p>{@link FilteringAmiSocket} only connects a socket and delegates {@code readLine()} to this
 * source, so fuzzing the source covers its parsing.
 */
class AmiLineSourceFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));
  private static final byte[] BANNER = ascii("Asterisk Call Manager/11.0.0\r\n");

  @FuzzTest
  void readsAnyStream(FuzzedDataProvider data) throws Exception {
    int maxMessageBytes = data.consumeBoolean() ? 65536 : data.consumeInt(1024, 4096);
    int[] reads = new int[data.consumeInt(1, 8)];
    for (int i = 0; i < reads.length; i++) {
      reads[i] = data.consumeInt(1, 9000);
    }
    boolean withBanner = data.consumeBoolean();
    byte[] body = data.consumeRemainingAsBytes();
    byte[] stream = withBanner ? concat(BANNER, body) : body;
    BOUND.run(() -> readAll(stream, reads, maxMessageBytes));
  }

  private static void readAll(byte[] stream, int[] reads, int maxMessageBytes) {
    int[] dropped = {0};
    AmiLineSource source =
        new AmiLineSource(new FuzzedReads(stream, reads), maxMessageBytes, () -> dropped[0]++);
    List<String> lines = new ArrayList<>();
    try {
      for (String line; (line = source.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The two typed ends: a message over the bound, or a peer that does not greet as Asterisk
      // (the allow-list refuses it before any of its bytes reach the library).
      assertThat(e.getMessage())
          .containsAnyOf(
              "longer than " + maxMessageBytes + " bytes",
              "did not greet as 'Asterisk Call Manager");
    }
    int handedOver = lines.stream().mapToInt(l -> l.length() + 2).sum();
    assertThat(handedOver).as("more lines out than bytes in").isLessThanOrEqualTo(stream.length);
    for (String line : lines) {
      assertThat(line.length()).isLessThanOrEqualTo(maxMessageBytes);
      // The filter reads a lone LF as a line end too; check each piece.
      for (String piece : line.split("\n", -1)) {
        assertThat(mayCarryDigits(piece))
            .as("a line that may carry caller digits reached Asterisk-Java")
            .isFalse();
      }
    }
    assertThat(dropped[0]).isLessThanOrEqualTo(stream.length / 4 + 1);
  }

  /** The filter's documented rule, restated on text: digit headers, DTMF events, digit classes. */
  private static boolean mayCarryDigits(String line) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String key = trimBlanks(line.substring(0, colon)).toLowerCase(Locale.ROOT);
    String value = trimBlanks(line.substring(colon + 1)).toLowerCase(Locale.ROOT);
    if (key.equals("digit") || key.equals("digits")) {
      return true;
    }
    if (key.equals("event")) {
      return value.startsWith("dtmf");
    }
    if (key.equals("privilege")) {
      for (String type : value.split(",", -1)) {
        String t = trimBlanks(type);
        if (t.equals("dtmf") || t.equals("dialplan") || t.equals("agi")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Space, tab and CR, as Asterisk pads header lines. */
  private static String trimBlanks(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && " \t\r".indexOf(s.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && " \t\r".indexOf(s.charAt(to - 1)) >= 0) {
      to--;
    }
    return s.substring(from, to);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A stream whose reads return the fuzzed sizes in turn, as a TCP socket may. */
  private static final class FuzzedReads extends java.io.InputStream {
    private final byte[] bytes;
    private final int[] sizes;
    private int pos;
    private int turn;

    FuzzedReads(byte[] bytes, int[] sizes) {
      this.bytes = bytes;
      this.sizes = sizes;
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, sizes[turn++ % sizes.length]), bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }
  }
}
