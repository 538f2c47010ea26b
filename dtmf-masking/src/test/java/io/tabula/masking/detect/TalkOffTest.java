package io.tabula.masking.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tabula.masking.audio.AudioEncoding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Talk-off: an hour and more of espeak-ng speech in twelve voices and nine languages must not make
 * the detector report a single key. Runs on linear audio and on the same audio through µ-law (what
 * a recording on disk usually is). Skipped, with the reason, where espeak-ng is not installed.
 */
class TalkOffTest {

  private static final Path CACHE = Path.of("target", "talkoff-speech");

  @Test
  void anHourOfSpeechInManyVoicesTriggersNoKey() throws Exception {
    assumeTrue(
        SpeechCorpus.espeakAvailable(),
        "espeak-ng is not installed, so the talk-off test cannot make its speech: install it"
            + " (Debian: apt-get install espeak-ng) and run the tests again");
    long started = System.nanoTime();
    List<Path> batches = new SpeechCorpus(CACHE).batches();
    long generated = System.nanoTime();

    long samples = 0;
    List<String> falseKeys = new ArrayList<>();
    for (Path batch : batches) {
      short[] speech = SpeechCorpus.readRaw(batch);
      samples += speech.length;
      for (short[] audio : List.of(speech, throughMulaw(speech))) {
        DtmfDetector detector =
            new DtmfDetector(
                DetectorConfig.q24(8000),
                tone ->
                    falseKeys.add(
                        String.format(
                            "%s at %.3f s (%.0f ms)",
                            batch.getFileName(), tone.startSeconds(), tone.durationMillis())));
        detector.process(audio, 0, audio.length);
        detector.finish();
      }
    }
    long done = System.nanoTime();
    double hours = samples / 8000.0 / 3600;
    System.out.printf(
        "Talk-off: %.2f h of speech (%d batches, %d voices), linear and u-law: %d false keys;"
            + " speech made in %.1f s, detection %.1f s%n",
        hours,
        batches.size(),
        SpeechCorpus.VOICES.size(),
        falseKeys.size(),
        (generated - started) / 1e9,
        (done - generated) / 1e9);
    falseKeys.stream().limit(20).forEach(key -> System.out.println("  false key: " + key));
    assertThat(hours).isGreaterThanOrEqualTo(1.0);
    assertThat(falseKeys).isEmpty();
  }

  private static short[] throughMulaw(short[] speech) {
    short[] out = new short[speech.length];
    byte[] one = new byte[1];
    for (int i = 0; i < speech.length; i++) {
      AudioEncoding.MULAW.encode(speech[i], one, 0);
      out[i] = AudioEncoding.MULAW.decode(one, 0);
    }
    return out;
  }
}
