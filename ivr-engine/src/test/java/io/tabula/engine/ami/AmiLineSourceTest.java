package io.tabula.engine.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AmiLineSourceTest {

  static Stream<Arguments> streamsAndChunks() {
    return Fixtures.amiStreams().stream()
        .flatMap(n -> Stream.of(1, 2, 3, 7, 61, 8192).map(c -> Arguments.of(n, c)));
  }

  /**
   * Every recorded stream, fed in every chunk size: the lines that come out are exactly the banner
   * and the responses, and the count is of the digit-bearing messages, both computed independently
   * here from the text.
   */
  @ParameterizedTest(name = "{0} in chunks of {1}")
  @MethodSource("streamsAndChunks")
  void replaysRecordedStreamsPassingOnlyTheBannerAndResponses(String name, int chunk)
      throws IOException {
    byte[] bytes = Fixtures.read(name);
    Expected expected = Expected.of(new String(bytes, StandardCharsets.UTF_8));
    AtomicInteger dropped = new AtomicInteger();
    AmiLineSource source =
        new AmiLineSource(Fixtures.chunked(bytes, chunk), 65536, dropped::incrementAndGet);

    List<String> lines = new ArrayList<>();
    for (String line; (line = source.readLine()) != null; ) {
      lines.add(line);
    }

    assertThat(lines).containsExactlyElementsOf(expected.keptLines);
    assertThat(dropped).hasValue(expected.dropped);
    assertThat(lines).noneMatch(l -> l.startsWith("Event:") || l.startsWith("Digit:"));
    assertThat(lines.getFirst()).isEqualTo("Asterisk Call Manager/11.0.0");
    assertThat(lines).contains("Response: Success");
  }

  @Test
  void theUnfilteredCardEntryStreamLosesAllFortyEightDtmfEvents() throws IOException {
    byte[] bytes = Fixtures.read("card-entry.from-asterisk.bin");
    Expected expected = Expected.of(new String(bytes, StandardCharsets.UTF_8));
    assertThat(expected.dtmfEvents).isEqualTo(48);
    assertThat(expected.dropped).isGreaterThanOrEqualTo(48);
  }

  @Test
  void anOversizedResponseEndsTheStreamWithAClearError() {
    byte[] big =
        ("Response: Success\r\nValue: " + "x".repeat(2000) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] stream =
        concat("Asterisk Call Manager/11.0.0\r\n".getBytes(StandardCharsets.US_ASCII), big);
    AmiLineSource source = new AmiLineSource(new ByteArrayInputStream(stream), 1024, () -> {});
    assertThatThrownBy(
            () -> {
              while (source.readLine() != null) {
                // drain
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than 1024 bytes")
        .hasMessageNotContaining("xxxx");
  }

  @Test
  void aDigitHeaderAnywhereDropsTheMessageWhateverItsName() throws IOException {
    String stream =
        "Asterisk Call Manager/11.0.0\r\n"
            + "Response: Success\r\nDigit: 7\r\n\r\n"
            + "Response: Success\r\nActionID: 2\r\n\r\n";
    AtomicInteger dropped = new AtomicInteger();
    AmiLineSource source =
        new AmiLineSource(
            new ByteArrayInputStream(stream.getBytes(StandardCharsets.US_ASCII)),
            4096,
            dropped::incrementAndGet);
    List<String> lines = new ArrayList<>();
    for (String line; (line = source.readLine()) != null; ) {
      lines.add(line);
    }
    assertThat(lines)
        .containsExactly("Asterisk Call Manager/11.0.0", "Response: Success", "ActionID: 2", "");
    assertThat(dropped).hasValue(1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** The expected output, derived with plain string handling from the recorded text. */
  private record Expected(List<String> keptLines, int dropped, int dtmfEvents) {

    static Expected of(String text) {
      List<String> all = new ArrayList<>(List.of(text.split("\r\n", -1)));
      all.removeLast(); // after the final CRLF
      List<String> kept = new ArrayList<>();
      kept.add(all.getFirst()); // the banner
      int dropped = 0;
      int dtmf = 0;
      List<String> block = new ArrayList<>();
      for (String line : all.subList(1, all.size())) {
        block.add(line);
        if (!line.isEmpty()) {
          continue;
        }
        if (block.stream().anyMatch(l -> l.startsWith("Event: DTMF"))) {
          dtmf++;
        }
        if (sensitive(block)) {
          dropped++;
        } else if (block.getFirst().startsWith("Response:")) {
          kept.addAll(block);
        }
        block.clear();
      }
      return new Expected(kept, dropped, dtmf);
    }

    private static boolean sensitive(List<String> block) {
      for (String l : block) {
        String lower = l.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("event: dtmf") || lower.startsWith("digit:")) {
          return true;
        }
        if (lower.startsWith("privilege:")) {
          for (String c : lower.substring("privilege:".length()).split(",")) {
            String t = c.trim();
            if (t.equals("dtmf") || t.equals("dialplan") || t.equals("agi")) {
              return true;
            }
          }
        }
      }
      return false;
    }
  }
}
