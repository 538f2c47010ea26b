package io.tabula.masking.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tabula.testing.TimeBound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link DtmfDetector} on arbitrary audio in arbitrary chunks
 * (docs/fuzzing.md). Whatever it hears, it ends in bounded time with constant memory, counts every
 * sample once, and reports tones in stream order: each confirmed before it ends, inside the audio,
 * no two overlapping, and never more than the audio has room for.
 */
class DtmfDetectorFuzzTest {

  private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(5));

  @FuzzTest
  void hearsAnyAudio(FuzzedDataProvider data) throws Exception {
    int rate = data.consumeBoolean() ? 8000 : 16000;
    int chunk = data.consumeInt(1, 2048);
    byte[] bytes = data.consumeRemainingAsBytes();
    short[] samples = new short[bytes.length / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) ((bytes[2 * i] & 0xFF) | bytes[2 * i + 1] << 8);
    }
    BOUND.run(() -> detect(rate, chunk, samples)); // the first run loads and warms classes
    long allocated = BOUND.run(() -> detect(rate, chunk, samples));
    // Constant memory: the listener's records and the detector's blocks, never per sample.
    assertThat(allocated).isLessThanOrEqualTo((1 << 20) + 64L * samples.length);
  }

  private static void detect(int rate, int chunk, short[] samples) {
    Recorder tones = new Recorder();
    DtmfDetector detector = new DtmfDetector(DetectorConfig.q24(rate), tones);
    for (int at = 0; at < samples.length; at += chunk) {
      detector.process(samples, at, Math.min(chunk, samples.length - at));
    }
    detector.finish();

    assertThat(detector.position()).isEqualTo(samples.length);
    assertThat(tones.confirmed).hasSameSizeAs(tones.ended);
    long previousEnd = 0;
    for (int i = 0; i < tones.ended.size(); i++) {
      DtmfTone tone = tones.ended.get(i);
      assertThat(tones.confirmed.get(i)).isEqualTo(tone.startSample());
      assertThat(tone.startSample()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(tone.endSample()).isGreaterThan(tone.startSample());
      assertThat(tone.endSample()).isLessThanOrEqualTo(samples.length);
      assertThat(tone.sampleRate()).isEqualTo(rate);
      previousEnd = tone.endSample();
    }
  }

  private static final class Recorder implements ToneListener {
    final List<Long> confirmed = new ArrayList<>();
    final List<DtmfTone> ended = new ArrayList<>();

    @Override
    public void toneConfirmed(DtmfKey key, long startSample) {
      confirmed.add(startSample);
    }

    @Override
    public void toneEnded(DtmfTone tone) {
      ended.add(tone);
    }
  }
}
