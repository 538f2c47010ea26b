package io.tabula.ops.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studio and engine WAVs become 8 kHz 16-bit mono at -18 dBFS speech level, silence trimmed, with
 * nothing above the telephone band folded back into it.
 */
class TelephonyAudioTest {

  @Test
  void aStereo24Bit48kHzRecordingBecomes8kHz16BitMonoTrimmedAndLevelled(@TempDir Path dir)
      throws Exception {
    float[] quietTone = Wavs.toneBetweenSilences(48_000, 0.5, 1.0, 0.7, 440, 0.05);
    Path studio = Wavs.write(dir.resolve("studio.wav"), quietTone, 48_000, 24, 2);
    Path target = dir.resolve("out/prompt.wav");

    TelephonyAudio.Result result = TelephonyAudio.convert(studio, target);

    try (AudioInputStream out = Wavs.open(target)) {
      AudioFormat format = out.getFormat();
      assertThat(format.getSampleRate()).isEqualTo(8000f);
      assertThat(format.getSampleSizeInBits()).isEqualTo(16);
      assertThat(format.getChannels()).isEqualTo(1);
      assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
      assertThat(format.isBigEndian()).isFalse();
      // 1 s of tone and 50 ms kept on each side; 1.2 s of silence gone.
      assertThat(out.getFrameLength() / 8000.0).isCloseTo(1.1, within(0.03));
    }
    assertThat(result.levelDbfs()).isCloseTo(TelephonyAudio.TARGET_DBFS, within(0.3));
    assertThat(result.peakDbfs()).isLessThanOrEqualTo(TelephonyAudio.PEAK_DBFS + 0.01);
    assertThat(target.resolveSibling("prompt.wav.partial")).doesNotExist();
  }

  @Test
  void aLoudClickLimitsTheGainSoNothingClips(@TempDir Path dir) throws Exception {
    float[] samples = Wavs.toneBetweenSilences(16_000, 0.1, 1.0, 0.1, 300, 0.01);
    samples[8000] = 0.9f; // one click far louder than the speech
    Path source = Wavs.write(dir.resolve("click.wav"), samples, 16_000, 16, 1);

    TelephonyAudio.Result result = TelephonyAudio.convert(source, dir.resolve("out.wav"));

    assertThat(result.peakDbfs()).isLessThanOrEqualTo(TelephonyAudio.PEAK_DBFS + 0.01);
    assertThat(result.levelDbfs()).isLessThan(TelephonyAudio.TARGET_DBFS);
  }

  @Test
  void resamplingTo8kHzRemovesWhatTheTelephoneBandCannotCarryAndKeepsWhatItCan() {
    float[] high = Wavs.toneBetweenSilences(48_000, 0, 1, 0, 6000, 0.5);
    float[] low = Wavs.toneBetweenSilences(48_000, 0, 1, 0, 1000, 0.5);

    double highOut = rms(Resampler.resample(high, 48_000, 8000));
    double lowOut = rms(Resampler.resample(low, 48_000, 8000));

    // Without the low-pass, 6 kHz would fold to 2 kHz at full level.
    assertThat(20 * Math.log10(highOut / rms(high))).isLessThan(-40);
    assertThat(20 * Math.log10(lowOut / rms(low))).isCloseTo(0, within(0.5));
  }

  @Test
  void aFileThatIsNoWavSaysHowToExportIt(@TempDir Path dir) throws Exception {
    Path mp3 = Files.write(dir.resolve("take1.wav"), new byte[] {'I', 'D', '3', 4, 0, 0, 0});

    assertThatThrownBy(() -> TelephonyAudio.convert(mp3, dir.resolve("out.wav")))
        .isInstanceOf(TelephonyAudio.UnreadableAudioException.class)
        .hasMessageContaining("take1.wav")
        .hasMessageContaining("export it as WAV");
  }

  private static double rms(float[] samples) {
    double sum = 0;
    for (int i = samples.length / 10; i < samples.length * 9 / 10; i++) {
      sum += samples[i] * (double) samples[i];
    }
    return Math.sqrt(sum / (samples.length * 0.8));
  }
}
