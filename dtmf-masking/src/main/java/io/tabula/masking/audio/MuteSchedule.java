package io.tabula.masking.audio;

import io.tabula.masking.detect.DtmfDetector;
import io.tabula.masking.detect.DtmfKey;
import io.tabula.masking.detect.DtmfTone;
import io.tabula.masking.detect.ToneListener;
import java.util.ArrayDeque;

/**
 * Which samples to mute: every ended tone widened by the guard on both sides, plus a tone still
 * sounding from its start (less the guard) on. Old intervals are dropped as the output passes them,
 * so memory stays bounded by the number of tones in the delay line.
 */
final class MuteSchedule implements ToneListener {

  private final long guard;
  private final ArrayDeque<long[]> intervals = new ArrayDeque<>();
  private DtmfDetector detector;
  private int tones;

  MuteSchedule(long guardSamples) {
    this.guard = guardSamples;
  }

  void attach(DtmfDetector detector) {
    this.detector = detector;
  }

  @Override
  public void toneEnded(DtmfTone tone) {
    intervals.add(new long[] {tone.startSample() - guard, tone.endSample() + guard});
    tones++;
  }

  @Override
  public void toneConfirmed(DtmfKey key, long startSample) {
    // Nothing to store: isMuted asks the detector for the tone in progress.
  }

  int tones() {
    return tones;
  }

  /** Whether sample {@code index} must be muted; indexes must be asked in increasing order. */
  boolean isMuted(long index) {
    while (!intervals.isEmpty() && intervals.peekFirst()[1] <= index) {
      intervals.removeFirst();
    }
    if (!intervals.isEmpty() && intervals.peekFirst()[0] <= index) {
      return true;
    }
    long sounding = detector.confirmedToneStart();
    return sounding >= 0 && sounding - guard <= index;
  }
}
