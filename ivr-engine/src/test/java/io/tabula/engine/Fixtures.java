package io.tabula.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The recorded Asterisk 22.10.1 transcripts under src/test/resources/fixtures. */
public final class Fixtures {

  /** Every FastAGI scenario recorded. */
  public static final List<String> AGI_SCENARIOS =
      List.of(
          "agent-hangup-by-engine",
          "args",
          "card-entry-filtered-adv",
          "card-entry-filtered",
          "card-entry",
          "errors",
          "exec",
          "getdata-hash",
          "getdata-maxdigits",
          "getdata-nothing",
          "getdata-timeout",
          "hangup-during-getdata",
          "say",
          "sip-rfc2833-debian-pcaps-asis",
          "sip-rfc2833",
          "stream-file-escape",
          "transfer-redirect",
          "variables",
          "wait-for-digit");

  private Fixtures() {}

  public static Stream<String> agiScenarios() {
    return AGI_SCENARIOS.stream();
  }

  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] fromAsterisk(String scenario) {
    return bytes("agi/" + scenario + ".from-asterisk.bin");
  }

  public static byte[] toAsterisk(String scenario) {
    return bytes("agi/" + scenario + ".to-asterisk.bin");
  }

  /** The engine's command lines of a scenario, LF removed. */
  public static List<String> commands(String scenario) {
    String text = new String(toAsterisk(scenario), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    lines.removeLast(); // after the last LF
    return lines;
  }

  /** Where the header block ends in a from-asterisk stream (index after the blank line). */
  public static int headerEnd(byte[] fromAsterisk) {
    for (int i = 1; i < fromAsterisk.length; i++) {
      if (fromAsterisk[i] == '\n' && fromAsterisk[i - 1] == '\n') {
        return i + 1;
      }
    }
    throw new IllegalStateException("no header block");
  }

  /** How many bare HANGUP lines a stream holds. */
  public static int hangupLines(byte[] fromAsterisk) {
    String text = new String(fromAsterisk, StandardCharsets.UTF_8);
    return (int) text.lines().filter("HANGUP"::equals).count();
  }
}
