package io.tabula.masking.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays tones out in one stream (each followed by a pause), runs the detector over it in odd-sized
 * chunks, and matches detections to the tones they overlap.
 */
final class CorpusRun {

  record Outcome(
      int tones, int correct, int missed, int wrongKey, int extra, List<ToneSpec> misses) {}

  private final int sampleRate;
  private final int pauseMillis;
  private final double noiseSnrDb;

  CorpusRun(int sampleRate, int pauseMillis, double noiseSnrDb) {
    this.sampleRate = sampleRate;
    this.pauseMillis = pauseMillis;
    this.noiseSnrDb = noiseSnrDb;
  }

  Outcome run(List<ToneSpec> specs, long seed) {
    ToneSynth synth = new ToneSynth(sampleRate, seed);
    int pause = synth.samples(pauseMillis);
    long total = pause;
    for (ToneSpec spec : specs) {
      total += synth.samples(spec.millis()) + pause;
    }
    double[] signal = new double[Math.toIntExact(total)];
    long[] starts = new long[specs.size()];
    long[] ends = new long[specs.size()];
    int at = pause;
    double weakestPower = Double.MAX_VALUE;
    for (int i = 0; i < specs.size(); i++) {
      ToneSpec spec = specs.get(i);
      synth.addTone(signal, at, spec);
      starts[i] = at;
      at += synth.samples(spec.millis());
      ends[i] = at;
      at += pause;
      double power =
          Math.pow(Dbm0.rms(spec.rowDbm0()), 2) + Math.pow(Dbm0.rms(spec.columnDbm0()), 2);
      weakestPower = Math.min(weakestPower, power);
    }
    if (!Double.isNaN(noiseSnrDb)) {
      synth.addNoise(signal, Math.sqrt(weakestPower / Math.pow(10, noiseSnrDb / 10)));
    }
    List<DtmfTone> found = detect(ToneSynth.toPcm(signal));
    return match(specs, starts, ends, found);
  }

  List<DtmfTone> detect(short[] pcm) {
    List<DtmfTone> found = new ArrayList<>();
    DtmfDetector detector = new DtmfDetector(DetectorConfig.q24(sampleRate), found::add);
    int at = 0;
    int chunk = 1;
    while (at < pcm.length) {
      int length = Math.min(chunk, pcm.length - at);
      detector.process(pcm, at, length);
      at += length;
      chunk = chunk * 7 % 997 + 1;
    }
    detector.finish();
    return found;
  }

  private static Outcome match(
      List<ToneSpec> specs, long[] starts, long[] ends, List<DtmfTone> found) {
    int correct = 0;
    int wrong = 0;
    List<ToneSpec> misses = new ArrayList<>();
    boolean[] used = new boolean[found.size()];
    int next = 0;
    for (int i = 0; i < specs.size(); i++) {
      boolean right = false;
      for (int j = next; j < found.size() && found.get(j).startSample() < ends[i]; j++) {
        DtmfTone tone = found.get(j);
        if (tone.endSample() > starts[i]) {
          used[j] = true;
          if (tone.key() == specs.get(i).key()) {
            right = true;
          } else {
            wrong++;
          }
        }
        next = j;
      }
      correct += right ? 1 : 0;
      if (!right) {
        misses.add(specs.get(i));
      }
    }
    int extra = 0;
    for (boolean u : used) {
      extra += u ? 0 : 1;
    }
    return new Outcome(specs.size(), correct, specs.size() - correct, wrong, extra, misses);
  }
}
