package io.tabula.masking.audio;

import io.tabula.masking.detect.DtmfDetector;
import io.tabula.masking.detect.DtmfKey;
import io.tabula.masking.detect.DtmfResidue;
import io.tabula.masking.detect.DtmfTone;
import io.tabula.masking.detect.ResidueDetector;
import io.tabula.masking.detect.ResidueListener;
import io.tabula.masking.detect.ToneListener;
import java.util.ArrayDeque;

/**
 * Which samples to mute: every ended Q.24 key tone and every ended residue (a dual tone any decoder
 * could read), each widened by the guard on both sides, plus a tone or residue still sounding from
 * its start (less the guard) on. Each source keeps its own intervals in stream order; old ones are
 * dropped as the output passes them, so memory stays bounded by what fits in the delay line.
 */
final class MuteSchedule implements ToneListener, ResidueListener {

  private final long guard;
  private final ArrayDeque<long[]> toneIntervals = new ArrayDeque<>();
  private final ArrayDeque<long[]> residueIntervals = new ArrayDeque<>();
  private DtmfDetector detector;
  private ResidueDetector residueDetector;
  private int tones;
  private int residues;

  MuteSchedule(long guardSamples) {
    this.guard = guardSamples;
  }

  void attach(DtmfDetector detector, ResidueDetector residueDetector) {
    this.detector = detector;
    this.residueDetector = residueDetector;
  }

  @Override
  public void toneEnded(DtmfTone tone) {
    toneIntervals.add(new long[] {tone.startSample() - guard, tone.endSample() + guard});
    tones++;
  }

  @Override
  public void toneConfirmed(DtmfKey key, long startSample) {
    // Nothing to store: isMuted asks the detector for the tone in progress.
  }

  @Override
  public void residue(DtmfResidue residue) {
    residueIntervals.add(new long[] {residue.startSample() - guard, residue.endSample() + guard});
    residues++;
  }

  int tones() {
    return tones;
  }

  int residues() {
    return residues;
  }

  /** Whether sample {@code index} must be muted; indexes must be asked in increasing order. */
  boolean isMuted(long index) {
    return covers(toneIntervals, index)
        || covers(residueIntervals, index)
        || sounding(detector.confirmedToneStart(), index)
        || sounding(residueDetector.confirmedStart(), index);
  }

  private static boolean covers(ArrayDeque<long[]> intervals, long index) {
    while (!intervals.isEmpty() && intervals.peekFirst()[1] <= index) {
      intervals.removeFirst();
    }
    return !intervals.isEmpty() && intervals.peekFirst()[0] <= index;
  }

  private boolean sounding(long start, long index) {
    return start >= 0 && start - guard <= index;
  }
}
