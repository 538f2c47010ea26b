package io.tabula.masking.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.redteam.RedTeamCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KeyLineReader} tries a character as an element's start only where its first-letter table
 * says an element can start (D, A and G anywhere, the other first letters at a word's start); it
 * must read exactly what a reader that tries every character reads. Every line of the red-team
 * corpus, the fuzz targets' regression inputs and a set of edge cases is read by both, element by
 * element as {@link KeyedEntryAuditor} reads a line.
 */
class KeyLineReaderEquivalenceTest {

  /** Elements at a word's start, inside a word, after spaces only, and after an earlier element. */
  private static final List<String> EDGES =
      List.of(
          "DTMF end '4' received on PJSIP/a-00000001, duration 100 ms",
          "xDTMF begin '5' received on PJSIP/a-00000001",
          "channel.c: DTMF end '7' received on PJSIP/a-1",
          "<PJSIP/a-00000001>AGI Rx << WAIT FOR DIGIT 5000",
          "<PJSIP/a-00000001>AGI Tx >> 200 result=52",
          "x200 result=52",
          "200 result=52 endpos=800",
          "WAIT FOR DIGIT 5000",
          "xWAIT FOR DIGIT 5000",
          "GET DATA custom/pin 5000 4",
          "Signal=4",
          "xSignal=4",
          "Call-ID: abc@host Signal=11",
          "call-id: abc@host",
          "i: abc@host",
          " i: abc@host",
          "xi: abc@host",
          "Timestamp: 1600",
          "  Timestamp: 1600",
          "xTimestamp: 1600",
          "Synchronization Source identifier: 0x1234abcd (305441741)",
          " xSynchronization Source identifier: 0x1234abcd",
          "Got  RTP RFC2833 from   10.0.0.1:4000 (type 101, seq 000123, ts 160000, len 000004,"
              + " mark 0, event 00000004, end 0, duration 00160)",
          "xGot  RTP RFC2833 from   10.0.0.1:4000 (ts 1, event 00000004",
          "agi_channel: PJSIP/a-00000001",
          "xagi_channel: PJSIP/a-00000001",
          "DTMF Four 4 (4)",
          "RTP creating END DTMF Frame: 52 (4), at 10.0.0.1:4000",
          "DTMF\u00e9 end '4' received on x",
          "\u00e9Signal=4 \u00e9call-id: x");

  private static final List<String> LINES = new ArrayList<>();

  @BeforeAll
  static void readLines(@TempDir Path corpus) throws IOException {
    LINES.addAll(RedTeamCorpus.linesAndFuzzInputs(corpus));
    LINES.addAll(EDGES);
  }

  @Test
  void theCorpusHoldsKeyLines() {
    long keyLines =
        LINES.stream().filter(line -> !elements(new KeyLineReader(), line).isEmpty()).count();
    assertThat(LINES).hasSizeGreaterThan(50_000);
    assertThat(keyLines).isGreaterThan(1_000);
  }

  @Test
  void theFirstLetterTableNeverSkipsAnElement() {
    KeyLineReader reader = new KeyLineReader();
    KeyLineReader reference = KeyLineReader.atEveryCharacter();
    long differing = 0;
    List<String> examples = new ArrayList<>();
    for (String line : LINES) {
      if (!elements(reader, line).equals(elements(reference, line))) {
        differing++;
        if (examples.size() < 5) {
          examples.add(line.length() > 200 ? line.substring(0, 200) : line);
        }
      }
    }
    assertThat(differing).as("lines read differently, e.g. %s", examples).isZero();
  }

  /** Every element of a line, as {@link KeyedEntryAuditor#line} walks it. */
  private static List<String> elements(KeyLineReader reader, String line) {
    List<String> read = new ArrayList<>();
    KeyLine parsed = new KeyLine();
    for (int from = 0; from < line.length() && reader.read(line, from, parsed); ) {
      read.add(
          parsed.type
              + " "
              + parsed.source
              + " at "
              + parsed.at
              + " key "
              + (int) parsed.key
              + " call "
              + parsed.callStart
              + "-"
              + parsed.callEnd
              + " value "
              + parsed.valueStart
              + "-"
              + parsed.valueEnd
              + " ts "
              + parsed.timestamp);
      boolean command =
          parsed.type == KeyLine.Type.AGI_ASCII_COMMAND
              || parsed.type == KeyLine.Type.AGI_DIGITS_COMMAND
              || parsed.type == KeyLine.Type.AGI_OTHER_COMMAND;
      from = command ? line.length() : Math.max(parsed.at + 1, parsed.valueEnd);
    }
    return read;
  }
}
