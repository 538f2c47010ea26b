package io.tabula.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tabula.masking.audio.AudioEncoding;
import io.tabula.masking.audio.AudioFormat;
import io.tabula.masking.audio.WavWriter;
import io.tabula.masking.audit.AuditFinding;
import io.tabula.masking.audit.RecordingAuditor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two checks DockerStackTest runs on the call's recording, on recordings made here: they pass
 * on what a muted call should look like and fail on a key tone or a recording without the mute.
 */
class RecordingChecksTest {

  private static final int RATE = 8000;

  @TempDir Path directory;

  @Test
  void aToneWithAMutedStretchShowsSoundAndTheSilence() throws IOException {
    Path wav = write("muted.wav", tone(440, 0, 2.0), silence(5.0), tone(440, 0, 1.0));

    RecordingLevels levels = RecordingLevels.of(wav);

    assertThat(levels.soundSeconds()).isCloseTo(3.0, within(0.3)); // a sine is quiet near zero
    assertThat(levels.longestSilenceSeconds()).isCloseTo(5.0, within(0.05));
    assertThat(audit(wav)).isEmpty();
  }

  @Test
  void aRecordingThatWasNeverMutedHasNoLongSilence() throws IOException {
    Path wav = write("unmuted.wav", tone(440, 0, 8.0));

    assertThat(RecordingLevels.of(wav).longestSilenceSeconds()).isLessThan(4.0);
  }

  @Test
  void aKeyToneInTheRecordingIsFound() throws IOException {
    // The key 5: 770 Hz and 1336 Hz for 100 ms, as SendDTMF would make it in-band.
    Path wav = write("keyed.wav", tone(440, 0, 1.0), tone(770, 1336, 0.1), tone(440, 0, 1.0));

    assertThat(audit(wav)).hasSize(1);
  }

  private List<AuditFinding> audit(Path wav) {
    List<AuditFinding> findings = new ArrayList<>();
    new RecordingAuditor(0).audit(List.of(wav), findings::add);
    return findings;
  }

  private Path write(String name, short[]... parts) throws IOException {
    int total = 0;
    for (short[] part : parts) {
      total += part.length;
    }
    Path file = directory.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      WavWriter writer = WavWriter.start(out, new AudioFormat(AudioEncoding.PCM_16, RATE), total);
      for (short[] part : parts) {
        writer.write(part, 0, part.length);
      }
    }
    return file;
  }

  private static short[] tone(double low, double high, double seconds) {
    short[] samples = new short[(int) (seconds * RATE)];
    for (int i = 0; i < samples.length; i++) {
      double t = i / (double) RATE;
      double value =
          Math.sin(2 * Math.PI * low * t) + (high > 0 ? Math.sin(2 * Math.PI * high * t) : 0);
      samples[i] = (short) (value * 6000);
    }
    return samples;
  }

  private static short[] silence(double seconds) {
    return new short[(int) (seconds * RATE)];
  }
}
