package io.tabula.masking.audit;

import io.tabula.masking.detect.DtmfDetector;
import io.tabula.masking.detect.DtmfResidue;
import io.tabula.masking.detect.DtmfTone;
import io.tabula.masking.detect.ResidueListener;
import io.tabula.masking.detect.ToneListener;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Joins the two detectors of a recording audit: every Q.24 key tone is a finding, and every residue
 * (a dual tone a decoder could read) that no key tone covers is a finding of its own, so that an
 * auditor sees the near-misses the Q.24 detector rightly rejects. A residue is held until the key
 * detector has moved a second past it (a key tone is only reported when it ends), then dropped if a
 * key tone overlapped it; memory stays bounded by a second of residues.
 */
final class ResidueFindings implements ToneListener, ResidueListener {

  private final ArrayDeque<DtmfResidue> pending = new ArrayDeque<>();
  private final ArrayDeque<long[]> recentTones = new ArrayDeque<>();
  private final Consumer<DtmfTone> keyFinding;
  private final Consumer<DtmfResidue> residueFinding;
  private DtmfDetector keys;
  private long tones;
  private long residues;

  ResidueFindings(Consumer<DtmfTone> keyFinding, Consumer<DtmfResidue> residueFinding) {
    this.keyFinding = keyFinding;
    this.residueFinding = residueFinding;
  }

  void attach(DtmfDetector keys) {
    this.keys = keys;
  }

  @Override
  public void toneEnded(DtmfTone tone) {
    tones++;
    recentTones.add(new long[] {tone.startSample(), tone.endSample()});
    keyFinding.accept(tone);
  }

  @Override
  public void residue(DtmfResidue residue) {
    pending.add(residue);
  }

  /** Reports the residues the key detector is done with; {@code lag} samples must have passed. */
  void flush(long lag) {
    long sounding = keys.confirmedToneStart();
    while (!pending.isEmpty()) {
      DtmfResidue next = pending.peekFirst();
      boolean settled = keys.position() - next.endSample() > lag;
      boolean underSoundingKey = sounding >= 0 && sounding < next.endSample();
      if (!settled || underSoundingKey) {
        return;
      }
      pending.removeFirst();
      decide(next);
    }
  }

  /** Reports every residue still held: the stream has ended and every key tone is known. */
  void finish() {
    while (!pending.isEmpty()) {
      decide(pending.removeFirst());
    }
  }

  private void decide(DtmfResidue residue) {
    while (!recentTones.isEmpty() && recentTones.peekFirst()[1] < residue.startSample()) {
      recentTones.removeFirst();
    }
    for (long[] tone : recentTones) {
      if (tone[0] < residue.endSample() && residue.startSample() < tone[1]) {
        return;
      }
    }
    residues++;
    residueFinding.accept(residue);
  }

  long tones() {
    return tones;
  }

  long residues() {
    return residues;
  }
}
