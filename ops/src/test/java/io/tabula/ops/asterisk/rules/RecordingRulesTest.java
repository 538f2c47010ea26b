package io.tabula.ops.asterisk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingRulesTest {

  @TempDir Path dir;
  private ConfFolder conf;

  @BeforeEach
  void folder() {
    conf = new ConfFolder(dir);
  }

  private ConfFolder recordedDialplan(String mixMonitor) {
    return conf.file(
        "extensions.conf",
        "[globals]",
        "SCRUB = /usr/local/bin/tabula recordings scrub",
        "[tabula-call]",
        "exten => s,1,Answer()",
        " same => n," + mixMonitor,
        " same => n,AGI(agi://engine:4573/city/parking-ticket)");
  }

  private ConfFolder manager(String write) {
    return conf.file(
        "manager.conf", "[general]", "enabled = yes", "[tabula]", "read = call", write);
  }

  @Test
  void recordingWithoutAUserThatMayMuteIsAnError() throws IOException {
    recordedDialplan("MixMonitor(${UNIQUEID}.wav)");
    manager("write = originate");
    assertThat(conf.run(new EngineMuteRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.where().line()).isEqualTo(5))
        .satisfies(f -> assertThat(f.what()).contains("parking-ticket.yaml"));
  }

  @Test
  void recordingWithoutManagerConfOrWithAmiOffIsAnError() throws IOException {
    recordedDialplan("MixMonitor(${UNIQUEID}.wav)");
    assertThat(conf.run(new EngineMuteRule())).hasSize(1);
    conf.file("manager.conf", "[general]", "enabled = no", "[tabula]", "write = call");
    assertThat(conf.run(new EngineMuteRule())).hasSize(1);
  }

  @Test
  void aUserWithWriteCallOrSystemCanMute() throws IOException {
    recordedDialplan("MixMonitor(${UNIQUEID}.wav)");
    manager("write = call");
    assertThat(conf.run(new EngineMuteRule())).isEmpty();
    manager("write = system");
    assertThat(conf.run(new EngineMuteRule())).isEmpty();
  }

  @Test
  void noRecordingOrNoSecureInputNeedsNoMute() throws IOException {
    conf.file("extensions.conf", "[tabula-call]", "exten => s,1,AGI(agi://e/city/parking-ticket)");
    assertThat(conf.run(new EngineMuteRule())).isEmpty();
    recordedDialplan("MixMonitor(${UNIQUEID}.wav)");
    assertThat(conf.run(new EngineMuteRule(), ConfFolder.NO_FLOWS)).isEmpty();
  }

  @Test
  void recordingWithoutAScrubCommandIsAWarning() throws IOException {
    recordedDialplan("MixMonitor(${UNIQUEID}.wav,b,/usr/bin/logger done)");
    assertThat(conf.run(new RecordingScrubRule()))
        .singleElement()
        .satisfies(f -> assertThat(f.where().line()).isEqualTo(5));
  }

  @Test
  void aScrubCommandPasses() throws IOException {
    recordedDialplan(
        "MixMonitor(/var/spool/asterisk/monitor/${UNIQUEID}.raw.wav,,tabula recordings scrub"
            + " ^{MIXMONITOR_FILENAME} /var/spool/asterisk/monitor/${UNIQUEID}.wav)");
    assertThat(conf.run(new RecordingScrubRule())).isEmpty();
  }

  @Test
  void aWrapperScriptThatScrubsPasses() throws IOException {
    recordedDialplan(
        "MixMonitor(${UNIQUEID}.wav,,/usr/local/bin/tabula-scrub ^{MIXMONITOR_FILENAME})");
    assertThat(conf.run(new RecordingScrubRule())).isEmpty();
  }

  @Test
  void aScrubCommandFromAGlobalPasses() throws IOException {
    recordedDialplan("MixMonitor(${UNIQUEID}.raw.wav,,${SCRUB} ^{MIXMONITOR_FILENAME} out.wav)");
    assertThat(conf.run(new RecordingScrubRule())).isEmpty();
  }
}
