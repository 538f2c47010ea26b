package io.tabula.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.audio.AudioEncoding;
import io.tabula.masking.audio.AudioFormat;
import io.tabula.masking.audio.WavWriter;
import io.tabula.masking.detect.Dbm0;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine line =
        new CommandLine(new AuditCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    return line.execute(args);
  }

  @Test
  void logsWithACardExitOneAndShowOnlyTheMaskedCard() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("a.log"), "fine\n200 result=4111111111111111\n");
    Files.writeString(logs.resolve("b.log"), "also fine\n");

    int exit = run("logs", logs.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("a.log:2: card number [Visa ****1111]")
        .contains("Scanned 2 files, ")
        .contains(": 1 finding.")
        .doesNotContain("4111111111111111");
    assertThat(err.toString()).contains("Scanning logs [");
  }

  @Test
  void scoreMeasuresFoundAndFlaggedPerClassAndExitsOneWhenAGoalIsMissed() throws IOException {
    Path leaks = Files.createDirectories(dir.resolve("corpus/leaks"));
    Path ordinary = Files.createDirectories(dir.resolve("corpus/ordinary"));
    StringBuilder keyed = new StringBuilder("### sample 1\n");
    for (char key : "4111111111111111#".toCharArray()) {
      keyed.append("DTMF end '").append(key).append("' received on PJSIP/a-00000001\n");
    }
    keyed.append("### sample 2\nnothing to see here\n");
    Files.writeString(leaks.resolve("keys.log"), keyed);
    Files.writeString(
        ordinary.resolve("traps.log"),
        "### sample 1\nGET /x 200\n### sample 2\nDTMF end '1' received on PJSIP/b-00000002\n");

    int exit = run("score", dir.resolve("corpus").toString());

    assertThat(out.toString())
        .containsPattern("keys +2 +1 +50\\.00%")
        .containsPattern("traps +2 +0 +0\\.00%")
        .contains("Goals (found >= 99.00 %, flagged <= 0.100 %): missed.")
        .doesNotContain("4111111111111111");
    assertThat(exit).isEqualTo(1);
    assertThat(run("score", "--min-found", "50", dir.resolve("corpus").toString())).isZero();
  }

  @Test
  void cleanLogsExitZero() throws IOException {
    Path log = dir.resolve("clean.log");
    Files.writeString(
        log, "2026-11-23 08:50:26.123 call 1795421793.33 answered from +1 415 555 0123\n");
    assertThat(run("logs", log.toString())).isZero();
    assertThat(out.toString()).contains("Scanned 1 file, ").contains(": 0 findings.");
  }

  @Test
  void jsonFormatPrintsOneObjectPerFindingAndASummary() throws IOException {
    Path log = dir.resolve("x.log");
    Files.writeString(log, "card 5555 5555 5555 4444\n");
    assertThat(run("logs", "--format", "json", log.toString())).isEqualTo(1);
    String[] lines = out.toString().strip().split("\\R");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .startsWith("{\"file\":\"")
        .contains("\"line\":1,\"kind\":\"card number\",\"finding\":\"[Mastercard ****4444]\"}");
    assertThat(lines[1])
        .isEqualTo(
            "{\"summary\":{\"files\":1,\"bytes\":"
                + Files.size(log)
                + ",\"findings\":1,\"unreadable\":0}}");
  }

  @Test
  void explainSaysWhyEachLineWasFlaggedWithoutItsDigits() throws IOException {
    Path log = dir.resolve("why.log");
    Files.writeString(
        log,
        "pan=4111 1111 1111 1111\n"
            + "card 2200/0000/0000/0004 ok\n"
            + "<cvc>123</cvc>\n"
            + "trace_id=4929111111111111113 fine\n");

    assertThat(run("logs", "--explain", log.toString())).isEqualTo(1);

    String[] lines = out.toString().strip().split("\\R");
    assertThat(lines[0]).endsWith("why.log:1: card number [Visa ****1111]");
    assertThat(lines[1])
        .isEqualTo(
            "  why: rule: 16 digits in Visa's IIN range, Luhn check digit valid, in 4"
                + " groups; field: pan; brand: Visa");
    assertThat(lines[2])
        .endsWith("why.log:2: card number as digit groups with a separator [Mir ****0004]");
    assertThat(lines[3])
        .startsWith("  why: rule: 16 digits in Mir's IIN range")
        .contains("brand: Mir")
        .endsWith("written as digit groups with a separator");
    assertThat(lines[4]).endsWith("why.log:3: card security code ***");
    assertThat(lines[5])
        .isEqualTo("  why: rule: digits after a card security code key; field: cvc");
    assertThat(lines[6]).startsWith("Scanned 1 file, ").endsWith(": 3 findings.");
    assertThat(out.toString()).doesNotContain("4111 1111", "2200/0000", "123<", "4929111");
  }

  @Test
  void explainInJsonAddsAWhyField() throws IOException {
    Path log = dir.resolve("why.log");
    Files.writeString(log, "cvv 123\n");
    assertThat(run("logs", "--format", "json", "--explain", log.toString())).isEqualTo(1);
    assertThat(out.toString().lines().findFirst().orElseThrow())
        .endsWith(
            "\"kind\":\"card security code\",\"finding\":\"***\",\"why\":\"rule: digits after a card"
                + " security code key written without = or :\"}");
  }

  @Test
  void withoutExplainThereIsNoWhy() throws IOException {
    Path log = dir.resolve("x.log");
    Files.writeString(log, "cvv=123\n");
    run("logs", log.toString());
    assertThat(out.toString()).doesNotContain("why");
  }

  @Test
  void aMissingPathIsABadArgument() {
    assertThat(run("logs", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nope: no such file or folder; check the path");
  }

  @Test
  void recordingsWithKeyTonesExitOneWithFileAndTime() throws IOException {
    Path wav = dir.resolve("call.wav");
    short[] audio = new short[16000];
    for (int i = 4000; i < 4800; i++) {
      double t = i / 8000.0;
      audio[i] =
          (short)
              (Dbm0.peak(-10)
                  * (Math.sin(2 * Math.PI * 770 * t) + Math.sin(2 * Math.PI * 1336 * t)));
    }
    try (OutputStream stream = Files.newOutputStream(wav)) {
      WavWriter.start(stream, new AudioFormat(AudioEncoding.MULAW, 8000), audio.length)
          .write(audio, 0, audio.length);
    }
    Files.write(
        dir.resolve("quiet.wav"), WavWriter.header(new AudioFormat(AudioEncoding.PCM_16, 8000), 0));

    int exit = run("recordings", dir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .containsPattern("call\\.wav @ 00:00:00\\.4\\d\\d: DTMF tone key tone, \\d+ ms")
        .contains("Scanned 2 files, ")
        .contains(": 1 finding.")
        .doesNotContain(" 5 ");
  }

  @Test
  void aDualToneBelowQ24sLimitsIsReportedAsResidueAndFailsTheAudit() throws IOException {
    Path wav = dir.resolve("near-miss.wav");
    short[] audio = new short[16000];
    for (int i = 4000; i < 4160; i++) { // 20 ms at -40 dBm0: Q.24 rejects it, a decoder reads it
      double t = i / 8000.0;
      audio[i] =
          (short)
              Math.round(
                  Dbm0.peak(-40)
                      * (Math.sin(2 * Math.PI * 852 * t) + Math.sin(2 * Math.PI * 1477 * t)));
    }
    try (OutputStream stream = Files.newOutputStream(wav)) {
      WavWriter.start(stream, new AudioFormat(AudioEncoding.MULAW, 8000), audio.length)
          .write(audio, 0, audio.length);
    }

    int exit = run("recordings", wav.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .containsPattern(
            "near-miss\\.wav @ 00:00:00\\.(49\\d|50\\d): DTMF residue dual tone a decoder could read,"
                + " 2\\d ms at -(39|40)\\.\\d dBm0")
        .contains(": 1 finding.");
  }

  @Test
  void anArchiveInAFolderMakesTheAuditExitTwoEvenWithoutFindings() throws IOException {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("engine.log"), "nothing to see\n");
    try (var zip =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(logs.resolve("old.zip")))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("engine.log"));
      zip.write("card 4111111111111111\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    int exit = run("logs", logs.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("old.zip").contains("unpack it and audit the files");
    assertThat(out.toString()).contains("0 findings, 1 unreadable.");
  }
}
